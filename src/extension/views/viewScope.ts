// Whether a tree lists the active article only or the whole corpus; mirrored in a context key so the
// view's title bar shows the right toggle button.
import * as vscode from 'vscode';

export type Scope = 'article' | 'corpus';

export class ViewScope {
  private value: Scope = 'article';
  private readonly changed = new vscode.EventEmitter<Scope>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly contextKey: string) {
    void vscode.commands.executeCommand('setContext', contextKey, this.value);
  }

  get current(): Scope {
    return this.value;
  }

  set(scope: Scope): void {
    if (scope === this.value) return;
    this.value = scope;
    void vscode.commands.executeCommand('setContext', this.contextKey, scope);
    this.changed.fire(scope);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
