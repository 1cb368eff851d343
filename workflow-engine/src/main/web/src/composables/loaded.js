// A read of the engine that follows a page's parameter: read again whenever `path` changes, with
// the refusal (translated by its code) in `error`.
import { ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { api, errorMessage } from './api.js'

/** `data` and `error` of GET `path()`, read at once and again when `path()` changes. */
export function useLoaded(path) {
  const { t, te } = useI18n()
  const data = ref(null)
  const error = ref('')
  watch(path, async (current) => {
    data.value = null
    error.value = ''
    try {
      data.value = await api(current)
    } catch (e) {
      error.value = errorMessage(e, t, te)
    }
  }, { immediate: true })
  return { data, error }
}
