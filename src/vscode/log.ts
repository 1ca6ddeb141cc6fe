import * as vscode from 'vscode';
import type { Logger } from '../core/logger';

/** The "HealthOmics" log channel (a LogOutputChannel, so users get a log level for free). */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('HealthOmics', { log: true });
}

export function asLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    trace: (m, ...a) => channel.trace(m, ...a),
    debug: (m, ...a) => channel.debug(m, ...a),
    info: (m, ...a) => channel.info(m, ...a),
    warn: (m, ...a) => channel.warn(m, ...a),
    error: (m, ...a) => channel.error(m, ...a),
  };
}
