// Who is signed in (GET /api/me), loaded once and forgotten at logout or when the session expires.
import { ref } from 'vue'
import { api } from './api.js'

const me = ref(null)
let loaded = false

export const session = {
  me,

  /** The signed-in user, asking the engine the first time; null when nobody is. */
  async current() {
    return loaded ? me.value : this.check()
  },

  /**
   * Asks the engine who is signed in. Its answer, 401 included, also brings the CSRF cookie that
   * the login form needs (a logout removes it).
   */
  async check() {
    me.value = await api('/api/me', { quiet401: true }).catch(() => null)
    loaded = true
    return me.value
  },

  async login(username, password) {
    await api('/api/login', { method: 'POST', form: { username, password }, quiet401: true })
    return this.check()
  },

  async logout() {
    await api('/api/logout', { method: 'POST', quiet401: true }).catch(() => null)
    this.forget()
  },

  forget() {
    me.value = null
    loaded = true
  },
}
