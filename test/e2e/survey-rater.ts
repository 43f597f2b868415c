/**
 * A scripted rater for the rating app over plain HTTP (no browser): starts or resumes with a code,
 * reads each page's form and answers it, so end-to-end tests can run many raters at once or stop
 * half-way. Choices are a fixed function of the step, so the expected database contents are known.
 */
interface RaterLog {
  code: string;
  ssa: number;
  pairs: number;
  turns: number;
  likert: number;
  sessionsEnded: number;
}

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? null;

export class ScriptedRater {
  cookie = '';
  readonly log: RaterLog = { code: '', ssa: 0, pairs: 0, turns: 0, likert: 0, sessionsEnded: 0 };

  constructor(
    readonly base: string,
    readonly lang: 'ko' | 'en' = 'en',
  ) {}

  private async post(path: string, form: Record<string, string>): Promise<Response> {
    return fetch(new URL(path, this.base), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookie },
      body: new URLSearchParams(form).toString(),
    });
  }

  async start(group?: string): Promise<void> {
    const r = await this.post('/start', { lang: this.lang, consent: '1', grade: '4', ...(group ? { group } : {}) });
    if (r.status !== 200) throw new Error(`start: HTTP ${r.status}`);
    const set = r.headers.get('set-cookie') ?? '';
    this.cookie = /xbr=[^;]+/.exec(set)![0];
    this.log.code = this.cookie.slice(4);
    await r.text();
  }

  async resume(code: string): Promise<void> {
    const r = await this.post('/resume', { lang: this.lang, code });
    if (r.status !== 303) throw new Error(`resume: HTTP ${r.status}`);
    this.cookie = /xbr=[^;]+/.exec(r.headers.get('set-cookie') ?? '')![0];
  }

  async page(): Promise<string> {
    const r = await fetch(new URL('/next', this.base), { headers: { cookie: this.cookie }, redirect: 'manual' });
    if (r.status !== 200) throw new Error(`next: HTTP ${r.status}`);
    return r.text();
  }

  /** Answers the current step; returns false when the study is finished. */
  async step(): Promise<boolean> {
    const html = await this.page();
    const kind = hidden(html, 'kind');
    if (kind === null) {
      if (!html.includes('id="done"')) throw new Error(`unexpected page: ${html.slice(0, 300)}`);
      return false;
    }
    let form: Record<string, string>;
    if (kind === 'ssa') {
      const item = hidden(html, 'item')!;
      const question = hidden(html, 'question')!;
      // "Not sensible" on items whose number ends in 3, so some items never get the specific question.
      form = { kind, item, question, label: item.endsWith('3') && question === 'sensible' ? '0' : '1' };
      this.log.ssa++;
    } else if (kind === 'pair') {
      form = { kind, comparison: hidden(html, 'comparison')!, choice: 'left' };
      this.log.pairs++;
    } else if (kind === 'dialogue') {
      const turn = Number(hidden(html, 'turn'));
      const asks = ['why', 'similar', 'change', 'sure'];
      const ask = turn < asks.length ? asks[turn] : 'done';
      form = { kind, dialogue: hidden(html, 'dialogue')!, turn: String(turn), ask };
      if (ask === 'done') this.log.sessionsEnded++;
      else this.log.turns++;
    } else {
      form = { kind: kind!, instrument: hidden(html, 'instrument')!, question: hidden(html, 'question')!, response: '4' };
      this.log.likert++;
    }
    const r = await this.post('/answer', form);
    if (r.status !== 303) throw new Error(`answer ${JSON.stringify(form)}: HTTP ${r.status}`);
    await r.text();
    return true;
  }

  async finish(maxSteps = 500): Promise<void> {
    for (let i = 0; i < maxSteps; i++) if (!(await this.step())) return;
    throw new Error('rater did not finish');
  }
}
