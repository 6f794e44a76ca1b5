// Per-request times seen by curl in its own process (a native client, as kubectl is), over one kept-alive connection.
import { execa } from 'execa'

export interface CurlTimings {
  /** Milliseconds of each request to the baseline URL, interleaved with the target's. */
  baseline: number[]
  target: number[]
}

/** True when `curl` is on PATH; the benches that use it print why they skip otherwise. */
export const hasCurl = async (): Promise<boolean> => (await execa('curl', ['--version'], { reject: false })).exitCode === 0

/**
 * Runs `rounds` pairs of requests (baseline, then target) in one curl process after `warmUp` pairs,
 * and returns each request's `time_total`; throws when an answer's status is not the expected one.
 *
 * @example
 * const { baseline, target } = await timeWithCurl(`${url}/version`, `${url}/openapi/v3/api/v1`, { Authorization: 'Bearer x' }, 300)
 */
export const timeWithCurl = async (baselineUrl: string, targetUrl: string, headers: Record<string, string>, rounds: number, expectedStatus = 200, warmUp = 20): Promise<CurlTimings> => {
  const args = ['--silent', '--insecure', '--write-out', '%{http_code} %{time_total}\n', ...Object.entries(headers).flatMap(([name, value]) => ['--header', `${name}: ${value}`])]
  for (let n = 0; n < warmUp + rounds; n += 1) args.push(baselineUrl, '--output', '/dev/null', targetUrl, '--output', '/dev/null')
  const { stdout } = await execa('curl', args, { timeout: 5 * 60_000 })
  const answers = stdout.trim().split('\n').map((line) => line.split(' ')).slice(2 * warmUp)
  const timings: CurlTimings = { baseline: [], target: [] }
  answers.forEach(([status, seconds], index) => {
    const isTarget = index % 2 === 1
    if (Number(status) !== (isTarget ? expectedStatus : 200)) throw new Error(`${isTarget ? targetUrl : baselineUrl} answered ${String(status)}`)
    ;(isTarget ? timings.target : timings.baseline).push(Number(seconds) * 1000)
  })
  return timings
}
