// A form's request into a case, sent until the engine takes it: busy while it runs, sent once the
// engine took it (then `onSent`), else the refusal to show (title and detail, composables/refusals.js).
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { refusal } from './refusals.js'

export function useSending(onSent) {
  const { t, te } = useI18n()
  const busy = ref(false)
  const sent = ref(false)
  const problem = ref(null)

  async function send(request) {
    problem.value = null
    busy.value = true
    try {
      await request()
      sent.value = true
      onSent()
    } catch (e) {
      problem.value = refusal(e, t, te)
    } finally {
      busy.value = false
    }
  }

  return { busy, sent, problem, send }
}
