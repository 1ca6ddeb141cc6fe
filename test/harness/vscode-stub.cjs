// A minimal stand-in for the `vscode` module, used only by `npm run bench` to time activation outside VS Code (the
// one seam that cannot be real there). Every API the extension touches at activation exists and does nothing.
const disposable = () => ({ dispose() {} });
class EventEmitter {
  constructor() {
    this.event = () => disposable();
  }
  fire() {}
  dispose() {}
}
const anything = () =>
  new Proxy(function () {}, {
    get: (_t, prop) => (prop === 'then' ? undefined : prop === 'dispose' ? () => {} : anything()),
    apply: () => anything(),
    construct: () => anything(),
    set: () => true,
  });
module.exports = {
  EventEmitter,
  Disposable: class {
    constructor(fn) {
      this.dispose = fn;
    }
  },
  TreeItem: class {},
  ThemeIcon: class {},
  ThemeColor: class {},
  MarkdownString: class {},
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ConfigurationTarget: { Global: 1 },
  QuickPickItemKind: { Separator: -1, Default: 0 },
  window: {
    createOutputChannel: () => anything(),
    createTreeView: () => anything(),
    createStatusBarItem: () => anything(),
    withProgress: (_o, task) => task(),
    setStatusBarMessage: disposable,
  },
  commands: { registerCommand: disposable, executeCommand: async () => undefined },
  workspace: {
    getConfiguration: () => ({ get: (_k, d) => d, update: async () => undefined }),
    onDidChangeConfiguration: disposable,
    registerTextDocumentContentProvider: disposable,
  },
  env: { clipboard: { writeText: async () => undefined } },
  __context: () => ({
    subscriptions: [],
    globalState: { get: () => undefined, update: async () => undefined, keys: () => [] },
  }),
};
