import { ContextEvent, type Context } from '@lit/context';

/**
 * The value a context has around `host`, asked once (no subscription): for what lives no longer
 * than a play, like a player's session.
 */
export function contextValue<T>(host: HTMLElement, context: Context<unknown, T>): T | undefined {
  let value: T | undefined;
  host.dispatchEvent(new ContextEvent(context, host, (provided) => (value = provided)));
  return value;
}
