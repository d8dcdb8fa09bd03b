/**
 * A setting the provider cannot work with: an `earthengine:*` config key, a credential variable of
 * the environment, or no credentials at all. The message names the setting and the fix, and never
 * holds a credential's value, not even a part of it. It is the user's to fix, not a bug, so its
 * stack is the message alone (the dynamic provider host prints `${error}: ${error.stack}`).
 */
export class ConfigurationError extends Error {
    override name = "ConfigurationError";
    /** The setting at fault, as the user sets it: `earthengine:endpoint`, `GOOGLE_APPLICATION_CREDENTIALS`. */
    readonly setting: string;

    constructor(setting: string, message: string) {
        super(message);
        this.setting = setting;
        this.stack = `${this.name}: ${this.message}`;
    }
}
