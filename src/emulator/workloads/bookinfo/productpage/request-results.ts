/** productpage's Prometheus counter `request_result{destination_app, response_code}`. */
export class RequestResults {
  #counts = new Map<string, number>()

  count(destinationApp: string, responseCode: number): void {
    const key = `destination_app="${destinationApp}",response_code="${responseCode}"`
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1)
  }

  /** Prometheus text exposition, as `prometheus_client` writes it. */
  render(): string {
    const lines = ['# HELP request_result_total Request result', '# TYPE request_result_total counter']
    for (const [labels, value] of this.#counts) lines.push(`request_result_total{${labels}} ${value.toFixed(1)}`)
    return `${lines.join('\n')}\n`
  }
}
