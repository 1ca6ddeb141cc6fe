/**
 * A minimal event emitter, so the core can tell the UI "this changed" without importing `vscode` (the VS Code
 * layer forwards these into its own EventEmitter / onDidChangeTreeData).
 */

export interface Disposable {
  dispose(): void;
}

export type Listener<E> = (event: E) => void;

export class Emitter<E> {
  private listeners: Listener<E>[] = [];

  /**
   * @param onListenerError where a throwing listener's error goes. One bad listener must not stop the others or
   *   break the load that fired the event; by default the error is re-thrown on a fresh task so it is not lost.
   */
  constructor(private readonly onListenerError: (err: unknown) => void = rethrowLater) {}

  /** Subscribes; the returned `dispose()` unsubscribes (idempotent). */
  readonly event = (listener: Listener<E>): Disposable => {
    this.listeners = [...this.listeners, listener];
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
    };
  };

  fire(event: E): void {
    // Iterate over the array as it was when firing started: (un)subscribing from a listener is safe.
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        this.onListenerError(err);
      }
    }
  }

  get listenerCount(): number {
    return this.listeners.length;
  }

  dispose(): void {
    this.listeners = [];
  }
}

function rethrowLater(err: unknown): void {
  setTimeout(() => {
    throw err;
  }, 0);
}
