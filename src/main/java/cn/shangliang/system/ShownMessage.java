package cn.shangliang.system;

/**
 * An exception whose message is written for the user (in Chinese, naming no internals), so the API may show it as
 * it stands where it would otherwise answer with a generic text. Lets the error handler trust a module's refusal
 * without knowing that module.
 */
public interface ShownMessage {
}
