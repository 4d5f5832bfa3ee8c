// Types for scripts/build.mjs (plain JavaScript, so that `npm ci` can run it before anything is compiled).
export declare const ROOT: string;
export declare const OUTPUTS: string[];
export declare function isStale(): boolean;
export declare function buildRuntime(): Promise<void>;
