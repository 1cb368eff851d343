// A public check (证照核验, 发票查验, …): one read of the engine without login, its answer, or its
// refusal translated by its code, and whether it is under way.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api, errorMessage } from './api.js'

/** `result`, `error` and `checking` of the last `run(path, missing)`. */
export function usePublicCheck() {
  const { t, te } = useI18n()
  const result = ref(null)
  const error = ref('')
  const checking = ref(false)

  /** Reads `path`; or, when the form lacks what the check needs, shows `missing` and reads nothing. */
  async function run(path, missing = '') {
    result.value = null
    error.value = missing
    if (missing) {
      return
    }
    checking.value = true
    try {
      result.value = await api(path, { quiet401: true })
    } catch (e) {
      error.value = errorMessage(e, t, te)
    } finally {
      checking.value = false
    }
  }

  return { result, error, checking, run }
}
