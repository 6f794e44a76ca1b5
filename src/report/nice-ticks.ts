/** Round axis ticks from 0 to at least `max`: about `count` steps of 1, 2 or 5 × 10ⁿ. */
export const niceTicks = (max: number, count = 4): number[] => {
  const top = max > 0 ? max : 1
  const rough = top / count
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!
  const ticks: number[] = []
  for (let value = 0; value < top + step * 0.999; value += step) ticks.push(Number(value.toPrecision(12)))
  return ticks
}
