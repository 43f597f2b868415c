/**
 * The rating app's HTML: plain server-rendered forms that work without JavaScript on any tablet, with
 * big tap targets and a progress bar. Every string from a packet, the database or a request goes through
 * `esc`; pictures are referenced by their blinded packet names only.
 */
import type { Bilingual } from '../explainers/types.js';
import { LIKERT_ANCHORS, QUESTIONNAIRE_TEXT } from './questionnaire-text.js';
import { DIALOGUE_QUESTIONS, type DialogueQuestion, type InputView, type Lang, type PacketDialogue, type PacketItem } from './packet.js';
import type { PlannedQuestion } from './rater-plan.js';
import type { Coverage } from './serve/slot-desk.js';
import { AGE_BANDS, GRADES, t, type TextKey } from './ui-text.js';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export const CSS = `
*{box-sizing:border-box}
body{font-family:system-ui,"Noto Sans KR","Apple SD Gothic Neo",sans-serif;font-size:22px;line-height:1.5;
  margin:0;padding:16px;max-width:960px;margin:auto;color:#111;background:#fdfdf8}
h1{font-size:30px;margin:8px 0 16px}
button,.button{display:inline-block;min-height:64px;min-width:140px;padding:12px 24px;margin:8px 8px 8px 0;font-size:24px;
  border-radius:16px;border:3px solid #234;background:#e8f0ff;color:#111;cursor:pointer;text-decoration:none;text-align:center}
button.yes{background:#dff5df}button.no{background:#fde2e2}
button:focus,.button:focus{outline:4px solid #f90}
label.check{display:flex;gap:12px;align-items:center;margin:12px 0;font-size:22px}
input[type=checkbox]{width:36px;height:36px}
select,input[type=text]{font-size:22px;min-height:48px;padding:6px}
progress{width:100%;height:24px}
.card{border:2px solid #ccc;border-radius:16px;padding:12px 16px;margin:12px 0;background:#fff}
.pair{display:flex;gap:12px;flex-wrap:wrap}.pair .card{flex:1 1 300px}
img{max-width:100%;height:auto;image-rendering:pixelated}
table.input td{padding:2px 12px;border-bottom:1px solid #eee}
.turn{margin:8px 0}.turn .who{font-weight:bold}
.likert{display:flex;flex-direction:column}
.likert button{width:100%;text-align:left}
.code{font-size:40px;font-weight:bold;letter-spacing:4px}
.muted{color:#555}
nav.leave{text-align:right;margin:0 0 8px}
nav.leave a{display:inline-block;font-size:18px;padding:8px 14px;border:2px solid #888;border-radius:12px;color:#234;background:#fff;
  text-decoration:none}
nav.leave a:focus{outline:4px solid #f90}
.alert{border:3px solid #c60;background:#fff1e0;border-radius:12px;padding:8px 16px}
ul.detail{padding-left:24px;font-size:20px}ul.detail li{margin:4px 0;overflow-wrap:anywhere}ul.detail li.marked{background:#fff6d6}
`;

/** What a page shows besides its body: the progress bar, and the "not me / new rater" exit on a rater's pages. */
interface Frame {
  readonly progress?: Progress;
  readonly rater?: boolean;
}

export type Progress = { done: number; total: number };

function layout(lang: Lang, title: string, body: string, { progress, rater = progress !== undefined }: Frame = {}): string {
  const exit = rater
    ? `<nav class="leave"><a href="/quit">${esc(t(lang, 'quitLink'))}</a> <a href="/leave">${esc(t(lang, 'leaveLink'))}</a></nav>`
    : '';
  const bar = progress
    ? `<p class="muted">${esc(t(lang, 'progress'))}: ${progress.done} / ${progress.total}</p>` +
      `<progress max="${progress.total}" value="${progress.done}"></progress>`
    : '';
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)}</title><link rel="stylesheet" href="/style.css"></head>` +
    `<body>${exit}${bar}<main><h1>${esc(title)}</h1>${body}</main></body></html>`
  );
}

const hidden = (name: string, value: string) => `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`;
const button = (name: string, value: string, label: string, cls = '') =>
  `<button type="submit" name="${esc(name)}" value="${esc(value)}"${cls ? ` class="${cls}"` : ''}>${esc(label)}</button>`;
const bi = (lang: Lang, b: Bilingual) => esc(b[lang]);
const img = (file: string, alt: string) => `<img src="/${esc(file)}" alt="${esc(alt)}">`;

function inputBlock(lang: Lang, input: InputView): string {
  if (input.picture)
    return `<div class="card"><p class="muted">${esc(t(lang, 'inputLabel'))}</p>${img(input.picture.file, t(lang, 'inputLabel'))}</div>`;
  const rows = (input.rows ?? []).map((r) => `<tr><td>${esc(r.name)}</td><td>${esc(r.value)}</td></tr>`).join('');
  return `<div class="card"><p class="muted">${esc(t(lang, 'inputLabel'))}</p><table class="input">${rows}</table></div>`;
}

/** The rule set, the knowledge-graph paths or the examples' values under an item's text (marked line in bold). */
function detailBlock(lang: Lang, item: PacketItem): string {
  if (!item.detail) return '';
  const lines = item.detail.lines
    .map((l) => `<li${l.marked ? ' class="marked"' : ''}>${l.marked ? `<strong>${bi(lang, l.text)}</strong>` : bi(lang, l.text)}</li>`)
    .join('');
  return `<p class="muted">${bi(lang, item.detail.title)}</p><ul class="detail">${lines}</ul>`;
}

function explanationBlock(lang: Lang, item: PacketItem, heading: string): string {
  const pic = item.picture ? img(item.picture.file, t(lang, 'explanation')) : '';
  return `<div class="card"><p class="muted">${esc(heading)}</p>${pic}<p>${bi(lang, item.text)}</p>${detailBlock(lang, item)}</div>`;
}

export function homePage(): string {
  const body =
    `<p>${esc(t('ko', 'chooseLanguage'))} / ${esc(t('en', 'chooseLanguage'))}</p>
<p><a class="button" href="/start?lang=ko">한국어로 ${esc(t('ko', 'start'))}</a> ` +
    `<a class="button" href="/start?lang=en">${esc(t('en', 'start'))} in English</a></p>
<p><a class="button" href="/resume?lang=ko">${esc(t('ko', 'resume'))}</a> ` +
    `<a class="button" href="/resume?lang=en">${esc(t('en', 'resume'))}</a></p>`;
  return layout('ko', `${t('ko', 'title')} / ${t('en', 'title')}`, body);
}

export function consentPage(lang: Lang, group: string | null, error: boolean): string {
  const options = (values: readonly string[]) =>
    `<option value="">${esc(t(lang, 'none'))}</option>${values.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join('')}`;
  const body = `${error ? `<p class="card">${esc(t(lang, 'needConsent'))}</p>` : ''}<p>${esc(t(lang, 'consentBody'))}</p>
<form method="post" action="/start">${hidden('lang', lang)}${group ? hidden('group', group) : ''}
<label class="check"><input type="checkbox" name="consent" value="1"> ${esc(t(lang, 'consent'))}</label>
<label class="check"><input type="checkbox" name="assent" value="1"> ${esc(t(lang, 'assent'))}</label>
<p><label>${esc(t(lang, 'ageBand'))} <select name="age_band">${options(AGE_BANDS)}</select></label></p>
<p><label>${esc(t(lang, 'grade'))} <select name="grade">${options(GRADES)}</select></label></p>
${button('go', '1', t(lang, 'start'))}</form>`;
  return layout(lang, t(lang, 'consentTitle'), body);
}

export function codePage(lang: Lang, code: string): string {
  return layout(
    lang,
    t(lang, 'codeTitle'),
    `<p>${esc(t(lang, 'codeBody'))}</p><p class="code" id="rater-code">${esc(code)}</p>` +
      `<p><a class="button" href="/next">${esc(t(lang, 'go'))}</a></p>`,
    { rater: true },
  );
}

export function resumePage(lang: Lang, error: boolean): string {
  const body =
    `${error ? `<p class="card">${esc(t(lang, 'badCode'))}</p>` : ''}<form method="post" action="/resume">${hidden('lang', lang)}
<p><label>${esc(t(lang, 'codeLabel'))} <input type="text" name="code" autocomplete="off" maxlength="32"></label></p>` +
    `${button('go', '1', t(lang, 'go'))}</form>`;
  return layout(lang, t(lang, 'resume'), body);
}

export function ssaPage(lang: Lang, item: PacketItem, question: 'sensible' | 'specific', progress: Progress): string {
  const q = question === 'sensible' ? t(lang, 'sensibleQ') : t(lang, 'specificQ');
  const hint = question === 'sensible' ? `<p class="muted">${esc(t(lang, 'sensibleHint'))}</p>` : '';
  const body =
    `${inputBlock(lang, item.input)}<p><strong>${esc(t(lang, 'answer'))}:</strong> ${bi(lang, item.answer)}</p>` +
    `${explanationBlock(lang, item, t(lang, 'explanation'))}
<form method="post" action="/answer">${hidden('kind', 'ssa')}${hidden('item', item.id)}${hidden('question', question)}
<p><strong>${esc(q)}</strong></p>${hint}${button('label', '1', t(lang, 'yes'), 'yes')}${button('label', '0', t(lang, 'no'), 'no')}</form>`;
  return layout(lang, t(lang, 'title'), body, { progress });
}

export function pairPage(lang: Lang, comparison: string, left: PacketItem, right: PacketItem, progress: Progress): string {
  const body =
    `${inputBlock(lang, left.input)}<p><strong>${esc(t(lang, 'answer'))}:</strong> ${bi(lang, left.answer)}</p>
<div class="pair">${explanationBlock(lang, left, t(lang, 'left'))}${explanationBlock(lang, right, t(lang, 'right'))}</div>
<form method="post" action="/answer">${hidden('kind', 'pair')}${hidden('comparison', comparison)}
<p><strong>${esc(t(lang, 'pairQ'))}</strong></p>` +
    `${button('choice', 'left', t(lang, 'left'))}${button('choice', 'right', t(lang, 'right'))}` +
    `${button('choice', 'tie', t(lang, 'same'))}${button('choice', 'skip', t(lang, 'skip'))}</form>`;
  return layout(lang, t(lang, 'pairQ'), body, { progress });
}

export function dialoguePage(
  lang: Lang,
  dialogue: PacketDialogue,
  turns: readonly DialogueQuestion[],
  capped: boolean,
  progress: Progress,
): string {
  const said = (who: TextKey, html: string) => `<div class="turn card"><span class="who">${esc(t(lang, who))}:</span> ${html}</div>`;
  const transcript = [
    said('computer', bi(lang, dialogue.opening)),
    ...turns.flatMap((q) => {
      const a = dialogue.answers[q];
      return [
        said('you', esc(t(lang, `q_${q}` as TextKey))),
        said('computer', `${bi(lang, a.text)}${a.picture ? `<br>${img(a.picture.file, t(lang, 'computer'))}` : ''}`),
      ];
    }),
  ].join('');
  const menu = capped
    ? `<p class="card">${esc(t(lang, 'capReached'))}</p>`
    : DIALOGUE_QUESTIONS.map((q) => button('ask', q, t(lang, `q_${q}` as TextKey))).join('');
  const body =
    `${inputBlock(lang, dialogue.input)}<p class="muted">${esc(t(lang, 'dialogueHint'))}</p>${transcript}
<form method="post" action="/answer">${hidden('kind', 'dialogue')}` +
    `${hidden('dialogue', dialogue.id)}${hidden('turn', String(turns.length))}` +
    `${menu}${button('ask', 'done', t(lang, 'dialogueDone'), 'yes')}</form>`;
  return layout(lang, t(lang, 'dialogueTitle'), body, { progress });
}

export function likertPage(lang: Lang, q: PlannedQuestion, progress: Progress): string {
  const statement = QUESTIONNAIRE_TEXT[q.instrument.name][q.index];
  const buttons = LIKERT_ANCHORS.map((a, k) => button('response', String(k + 1), a[lang])).join('');
  const body =
    `<p class="muted">${esc(t(lang, 'questionnaireHint'))}</p>` +
    `<div class="card"><p><strong>${bi(lang, statement)}</strong></p></div>
<form method="post" action="/answer" class="likert">${hidden('kind', 'likert')}` +
    `${hidden('instrument', q.instrument.name)}${hidden('question', q.question)}` +
    `${buttons}</form>`;
  return layout(lang, t(lang, 'questionnaireTitle'), body, { progress });
}

export function donePage(lang: Lang, progress: Progress): string {
  return layout(lang, t(lang, 'doneTitle'), `<p id="done">${esc(t(lang, 'doneBody'))}</p>`, { progress });
}

export function messagePage(lang: Lang, key: TextKey): string {
  return layout(lang, t(lang, key), `<p><a class="button" href="/">${esc(t(lang, 'home'))}</a></p>`);
}

/** "Not me / new rater": asks before the cookie is cleared, so a pupil does not lose their place by a stray tap. */
export function leavePage(lang: Lang): string {
  const body =
    `<p>${esc(t(lang, 'leaveBody'))}</p><form method="post" action="/leave">${hidden('confirm', '1')}` +
    `${button('go', '1', t(lang, 'leaveYes'), 'no')}<a class="button" href="/next">${esc(t(lang, 'leaveNo'))}</a></form>`;
  return layout(lang, t(lang, 'leaveTitle'), body);
}

/** "I want to stop": asks first; stopping hands the rest of the rater's slot to the next rater. */
export function quitPage(lang: Lang): string {
  const body =
    `<p>${esc(t(lang, 'quitBody'))}</p><form method="post" action="/quit">${hidden('confirm', '1')}` +
    `${button('go', '1', t(lang, 'quitYes'), 'no')}<a class="button" href="/next">${esc(t(lang, 'quitNo'))}</a></form>`;
  return layout(lang, t(lang, 'quitTitle'), body);
}

export function quitDonePage(lang: Lang): string {
  return layout(lang, t(lang, 'quitDone'), `<p id="stopped"><a class="button" href="/">${esc(t(lang, 'home'))}</a></p>`);
}

/** Over the cap of new raters a minute: the same sign-up again, one tap away (`fields` already checked). */
export function waitPage(lang: Lang, fields: Readonly<Record<string, string>>): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => hidden(k, v))
    .join('');
  const body = `<p>${esc(t(lang, 'waitBody'))}</p><form method="post" action="/start">${inputs}${button('go', '1', t(lang, 'tryAgain'))}</form>`;
  return layout(lang, t(lang, 'waitTitle'), body);
}

/** The sign-ups asked to wait (SignUpCap), for the admin page. */
export interface WaitAlert {
  readonly refused: number;
  readonly perMinute: number;
  readonly last: string | null;
}

function alertBlock(a: WaitAlert): string {
  if (a.refused === 0) return '';
  const who = a.refused === 1 ? '1 new rater was' : `${a.refused} new raters were`;
  return (
    `<p class="alert" role="alert"><strong>${who} asked to wait</strong> (at most ${a.perMinute} new raters a minute; ` +
    `the last at ${esc(a.last ?? '')}). If a class is starting together, restart with a higher --max-new-raters.</p>`
  );
}

/** The design's coverage as the study runs (slot-desk.ts). */
function coverageBlock(c: Coverage | null): string {
  if (!c) return '<p>This packet has no design: every rater rates every item.</p>';
  const rows: [string, string, string][] = [
    ['below-k', 'items below K ratings', `${c.itemsBelowK} of ${c.items} (K = ${c.ratersPerItem})`],
    ['active', 'raters active', String(c.active)],
    ['finished', 'slots finished (round 1)', `${c.finished} of ${c.slots}`],
    ['open', 'slots without a rater (round 1)', String(c.open)],
    ['abandoned', 'slots abandoned and handed on', String(c.abandoned)],
    ['needed', 'expected raters still needed', String(c.expectedRatersNeeded)],
  ];
  const body = rows.map(([id, k, v]) => `<tr><td>${esc(k)}</td><td id="cov-${id}">${esc(v)}</td></tr>`).join('');
  return `<h2>Coverage</h2><table class="input" id="coverage">${body}</table>`;
}

export function adminPage(
  studyId: string,
  counts: Readonly<Record<string, number>>,
  token: string,
  files: readonly string[],
  waits: WaitAlert,
  coverage: Coverage | null = null,
): string {
  const rows = Object.entries(counts)
    .map(([k, v]) => `<tr><td>${esc(k)}</td><td>${v}</td></tr>`)
    .join('');
  const links = files.map((f) => `<li><a href="/admin/export/${esc(f)}?token=${esc(token)}">${esc(f)}</a></li>`).join('');
  return layout(
    'en',
    `Admin: ${studyId}`,
    `${alertBlock(waits)}${coverageBlock(coverage)}<h2>Answers</h2><table class="input">${rows}</table><p>Study files:</p><ul>${links}</ul>`,
  );
}
