// The scenario editor: CodeMirror 6 with Python highlighting, line numbers,
// undo history, Tab indenting (Esc then Tab leaves the editor), Ctrl/Cmd+Enter
// to run, and one highlighted error line. Colors come from CSS variables so
// the light and dark themes share one highlight style.

import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, HighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { EditorSelection, EditorState, StateEffect, StateField } from '@codemirror/state';
import {
  Decoration, drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter,
  keymap, lineNumbers,
} from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: 'var(--tok-keyword)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--tok-string)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--tok-number)' },
  { tag: [t.comment, t.lineComment], color: 'var(--tok-comment)', fontStyle: 'italic' },
  { tag: [t.function(t.definition(t.variableName)), t.definition(t.className)], color: 'var(--tok-def)' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: 'var(--tok-call)' },
  { tag: [t.self, t.standard(t.variableName)], color: 'var(--tok-number)' },
]);

// One highlighted line (an error's, or where a stepped task is suspended),
// set by an effect and cleared as soon as the text changes.
function lineMark(className) {
  const effect = StateEffect.define();
  const deco = Decoration.line({ class: className });
  const field = StateField.define({
    create: () => Decoration.none,
    update(set, tr) {
      for (const e of tr.effects) {
        if (e.is(effect)) {
          if (e.value === null || e.value > tr.state.doc.lines) return Decoration.none;
          return Decoration.set([deco.range(tr.state.doc.line(e.value).from)]);
        }
      }
      return tr.docChanged ? Decoration.none : set;
    },
    provide: (f) => EditorView.decorations.from(f),
  });
  return { effect, field };
}
const errorMark = lineMark('cm-error-line');
const setErrorLine = errorMark.effect;
const stepMark = lineMark('cm-step-line');

export class Editor {
  /** onRun() for Ctrl/Cmd+Enter; onChange(text) after each edit. */
  constructor(parent, { text, onRun, onChange }) {
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          drawSelection(),
          indentOnInput(),
          indentUnit.of('    '),
          bracketMatching(),
          python(),
          syntaxHighlighting(highlight),
          errorMark.field,
          stepMark.field,
          keymap.of([
            { key: 'Mod-Enter', run: () => { onRun(); return true; }, preventDefault: true },
            indentWithTab,
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          EditorView.contentAttributes.of({ 'aria-label': 'Scenario source (Python)' }),
          EditorView.updateListener.of((u) => { if (u.docChanged) onChange(this.text); }),
        ],
      }),
    });
  }

  get text() { return this.view.state.doc.toString(); }

  /** Replaces the whole text (one undoable step). */
  setText(text) {
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: text },
      selection: EditorSelection.cursor(0),
      scrollIntoView: true,
    });
  }

  /** Highlights a 1-based line (null clears), moves the cursor there and scrolls to it. */
  markError(line, col = 1, focus = false) {
    const doc = this.view.state.doc;
    if (line === null || line === undefined || !(line >= 1)) {
      this.view.dispatch({ effects: setErrorLine.of(null) });
      return;
    }
    const l = doc.line(Math.min(line, doc.lines));
    const pos = Math.min(l.to, l.from + Math.max(0, (col || 1) - 1));
    this.view.dispatch({
      effects: [setErrorLine.of(l.number), EditorView.scrollIntoView(pos, { y: 'center' })],
      selection: EditorSelection.cursor(pos),
    });
    if (focus) this.view.focus();
  }

  /** Highlights the line a stepped task is suspended at (null clears), without moving the cursor. */
  markStep(line) {
    const ok = line >= 1 && line <= this.view.state.doc.lines;
    // Unchanged: no transaction (each one reads the DOM selection, a forced layout).
    if ((ok ? line : null) === this.stepLine && this.stepDoc === this.view.state.doc) return;
    this.stepLine = ok ? line : null;
    this.stepDoc = this.view.state.doc;
    const effects = [stepMark.effect.of(ok ? line : null)];
    if (ok) effects.push(EditorView.scrollIntoView(this.view.state.doc.line(line).from, { y: 'nearest' }));
    this.view.dispatch({ effects });
  }

  focus() { this.view.focus(); }
}
