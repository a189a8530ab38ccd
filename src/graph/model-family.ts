/** A parameter size in a model's name: `7B`, `1.1B`, `8x7B`, `350M`, `7b`. */
const sizePattern = /(?:^|[-_\s])((?:\d+x)?\d+(?:\.\d+)?)\s*([bmkt])(?=$|[-_\s(),])/i

const scale: Record<string, number> = {k: 1e-6, m: 1e-3, b: 1, t: 1e3}

export interface ModelFamily {
  family: string
  params: string | undefined
  paramsBillions: number | undefined
}

/** Splits `LLaMA2-7B` into the family `LLaMA2` and the size `7B`; `Vicuna-7b-v1.3` into `Vicuna` and `7B`. */
export function modelFamily(name: string): ModelFamily {
  const match = sizePattern.exec(name)
  if (!match || match.index === undefined) {
    return {family: name.replace(/[-_\s]+v?\d+(\.\d+)*$/i, '').trim() || name, params: undefined, paramsBillions: undefined}
  }
  const [count = '', unit = 'b'] = [match[1], match[2]]
  const [experts, each] = count.includes('x') ? count.split('x').map(Number) : [1, Number(count)]
  const family = name.slice(0, match.index).replace(/[-_\s]+$/, '').trim()
  return {
    family: family === '' ? name : family,
    params: `${count}${unit.toUpperCase()}`,
    paramsBillions: (experts ?? 1) * (each ?? 0) * (scale[unit.toLowerCase()] ?? 1)
  }
}
