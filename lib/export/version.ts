import pkg from "../../package.json";

/** The model's version as exports and golden links record it (the package version). */
export const MODEL_VERSION: string = pkg.version;
