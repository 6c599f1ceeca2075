/** The source line of an export: the model's version, the "as of" date when given, and where its data come from. */
export function exportSourceLine(modelVersion: string, dataSources: readonly string[] = [], asOf?: string): string {
  const data = dataSources.length ? `; data: ${dataSources.join(", ")}` : "";
  const date = asOf ? `, as of ${asOf}` : "";
  return `Chokepoint model ${modelVersion}${date}${data}`;
}
