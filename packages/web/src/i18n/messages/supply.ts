// Messages of the supply pages. Spanish is the reference; English is typed against it.

export const supplyEs = {} as const;

export const supplyEn: Record<keyof typeof supplyEs, string> = {};
