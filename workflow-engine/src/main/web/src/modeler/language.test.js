import { test } from 'node:test'
import assert from 'node:assert/strict'
import { languageModule, translated } from './language.js'

test('Chinese covers the palette (bpmn-js-i18n) and the properties panel (our table)', () => {
  assert.equal(translated('zh-CN', 'Create start event'), '创建开始事件')
  assert.equal(translated('zh-CN', 'Candidate groups'), '候选组')
  assert.equal(translated('zh-CN', 'Asynchronous continuations'), '异步延续')
})

test('placeholders are replaced in either language; a text without translation stays English', () => {
  assert.equal(translated('zh-CN', '{label} must not be empty.', { label: '名称' }), '名称不能为空。')
  assert.equal(translated('en', '{label} must not be empty.', { label: 'Name' }), 'Name must not be empty.')
  assert.equal(translated('zh-CN', 'Nothing like this {x}', {}), 'Nothing like this {x}')
})

test('the service follows the language the application is in at each call', () => {
  let locale = 'zh-CN'
  const [, translate] = languageModule(() => locale).translate
  assert.equal(translate('Candidate groups'), '候选组')
  locale = 'en'
  assert.equal(translate('Candidate groups'), 'Candidate groups')
})
