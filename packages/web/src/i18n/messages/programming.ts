// Messages of the programming pages. Spanish is the reference; English is typed against it.

export const programmingEs = {} as const;

export const programmingEn: Record<keyof typeof programmingEs, string> = {};
