/**
 * Tells the other tabs of this browser which draft this one just saved,
 * and hears when they save one. Without it, two tabs on one workflow
 * would overwrite each other's draft in turn, the last write winning.
 */
export interface OtherTabs {
  announce(draftKey: string): void
  close(): void
}

const CHANNEL = 'switchboard-drafts'

export function watchOtherTabs(
  onSavedElsewhere: (draftKey: string) => void,
): OtherTabs {
  if (typeof BroadcastChannel === 'undefined') {
    return { announce() {}, close() {} }
  }
  const channel = new BroadcastChannel(CHANNEL)
  // A channel never hears its own messages, so any message is another tab.
  channel.onmessage = (event: MessageEvent<{ key?: unknown }>) => {
    if (typeof event.data?.key === 'string') onSavedElsewhere(event.data.key)
  }
  return {
    announce: (draftKey) => channel.postMessage({ key: draftKey }),
    close: () => channel.close(),
  }
}
