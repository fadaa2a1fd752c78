import { api } from './api.js'

/** Polls a background job every {@code ms} until it ends; calls {@code onUpdate} with each state. */
export function pollJob (path, onUpdate, ms = 700) {
  let stopped = false
  let timer = null
  const tick = async () => {
    if (stopped) return
    try {
      const job = await api.get(path)
      onUpdate(job)
      const status = (job.job || job).status
      if (status === 'SUCCEEDED' || status === 'FAILED') return
    } catch (e) {
      onUpdate(null, e)
      if (e.status && e.status < 500) return
    }
    timer = setTimeout(tick, ms)
  }
  tick()
  return () => { stopped = true; clearTimeout(timer) }
}

export function percent (job) {
  if (!job) return 0
  if (job.status === 'SUCCEEDED') return 100
  return job.total ? Math.min(100, Math.floor(100 * job.done / job.total)) : 0
}
