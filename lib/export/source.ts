/** The source line of an export: the model's version and where its data come from. */
export function exportSourceLine(modelVersion: string, dataSources: readonly string[] = []): string {
  const data = dataSources.length ? `; data: ${dataSources.join(", ")}` : "";
  return `Chokepoint model ${modelVersion}${data}`;
}
