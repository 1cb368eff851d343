// `npm ci`, but only when package-lock.json changed since the last install here: an unchanged tree
// does not touch the npm registry, so the Maven build works offline after the first install.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

const lock = 'package-lock.json'
const stamp = 'node_modules/.approvalchain-installed-lock.json'

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === readFileSync(lock, 'utf8')) {
  console.log('install: node_modules matches package-lock.json, npm ci skipped')
} else {
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit', shell: process.platform === 'win32' })
  if (npm.status !== 0) process.exit(npm.status ?? 1)
  writeFileSync(stamp, readFileSync(lock, 'utf8'))
}
