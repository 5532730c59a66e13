/**
 * `kijkom index`: a static search index of an archive for `<archive-search>` (DESIGN §2c), made
 * with Pagefind: every transcript cue (its words, speaker, interview, start and its turn's end),
 * every fragment, theme, person and chapter, stemmed for the catalogue's language. A result's
 * `meta` says what to show and play; its `filters` are the facets.
 */
import type { Catalogue, Interview } from '../catalogue/types.js';
import { parseTranscript } from '../catalogue/transcript.js';
import { validateCatalogue } from '../catalogue/validate.js';
import { CliError, msg } from './messages.js';
import type { Output } from './output.js';
import { loadText, localFile, parseJson } from './source.js';

export interface IndexOptions {
  /** The folder the index is written to. */
  out?: string;
}

/** One thing to find, as Pagefind keeps it: every value a string. */
export interface SearchRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** What kind of thing a result is: the `kind` facet and `meta.kind`. */
type Kind = 'cue' | 'fragment' | 'theme' | 'person' | 'chapter';

export async function indexCommand(source: string, options: IndexOptions, out: Output): Promise<number> {
  if (!options.out) throw new CliError(msg('error.usage', { message: msg('index.needsOut'), command: 'index' }), 2);
  const loaded = await loadText(source);
  const result = validateCatalogue(parseJson(loaded.text, source), loaded.base);
  if (!result.ok) throw new CliError(msg('index.unusable', { file: source, message: result.message }));
  const { catalogue } = result;
  const records = archiveRecords(catalogue);
  let cues = 0;
  for (const interview of catalogue.interviews.values()) {
    if (!interview.transcript) continue;
    try {
      const words = await transcriptRecords(catalogue, interview);
      cues += words.length;
      records.push(...words);
    } catch (error) {
      const where = localFile(interview.transcript) ?? interview.transcript;
      out.err(msg('index.noTranscript', { interview: interview.id, url: where, reason: reason(error) }));
    }
  }
  await writeIndex(records, catalogue.lang ?? 'nl', options.out);
  out.log(msg('index.done', { records: records.length, cues, dir: options.out }));
  return 0;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A record of `kind` about `interview` (when it is about one), with the facets every result has. */
function record(
  kind: Kind,
  url: string,
  content: string,
  meta: Record<string, string | number | undefined>,
  about?: { catalogue: Catalogue; interview: Interview },
): SearchRecord {
  const person = about?.interview.person && about.catalogue.people.get(about.interview.person);
  const values: Record<string, string | number | undefined> = { kind, ...meta, interview: about?.interview.id };
  const kept = Object.entries(values).filter(([, value]) => value !== undefined);
  return {
    url,
    content,
    meta: Object.fromEntries(kept.map(([key, value]) => [key, String(value)])),
    filters: {
      kind: [kind],
      ...(about && { interview: [about.interview.title] }),
      ...(person && { person: [person.name] }),
    },
  };
}

/** An interview's link at a stretch: its own page where it has one, else the index's own fragment naming it. */
function at(interview: Interview, start: number, end?: number): string {
  const stretch = `t=${start}${end === undefined ? '' : `,${end}`}`;
  return interview.url ? `${interview.url}#${stretch}` : `#interview=${encodeURIComponent(interview.id)}&${stretch}`;
}

/** The catalogue's own texts: fragments, themes, people, chapters. */
export function archiveRecords(catalogue: Catalogue): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const fragment of catalogue.fragments.values()) {
    const interview = catalogue.interviews.get(fragment.interview);
    if (!interview) continue;
    const text = [fragment.title, fragment.description].filter(Boolean).join('\n');
    const meta = { title: fragment.title, fragment: fragment.id, start: fragment.start, end: fragment.end };
    records.push(record('fragment', at(interview, fragment.start, fragment.end), text, meta, { catalogue, interview }));
  }
  for (const theme of catalogue.themes.values())
    records.push(
      record('theme', `#theme=${encodeURIComponent(theme.id)}`, [theme.title, ...theme.intro].join('\n'), {
        title: theme.title,
        theme: theme.id,
      }),
    );
  for (const person of catalogue.people.values())
    records.push(
      record(
        'person',
        `#person=${encodeURIComponent(person.id)}`,
        [person.name, person.role, person.period].filter(Boolean).join('\n'),
        {
          title: person.name,
          person: person.id,
        },
      ),
    );
  for (const interview of catalogue.interviews.values())
    for (const chapter of interview.chapters)
      records.push(
        record(
          'chapter',
          at(interview, chapter.start),
          chapter.title,
          { title: chapter.title, start: chapter.start },
          { catalogue, interview },
        ),
      );
  return records;
}

/** Every cue of an interview's transcript: its words, speaker and start, and the end of its speaker's turn. */
async function transcriptRecords(catalogue: Catalogue, interview: Interview): Promise<SearchRecord[]> {
  const url = interview.transcript!;
  const { text } = await loadText(localFile(url) ?? url);
  const { cues, turns } = await parseTranscript(text);
  return turns.flatMap((turn) =>
    cues.slice(turn.first, turn.end).map((cue) =>
      record(
        'cue',
        at(interview, cue.start, cue.end),
        cue.text,
        {
          title: interview.title,
          speaker: cue.speaker ?? turn.speaker,
          start: cue.start,
          end: cue.end,
          turnEnd: cues[turn.end - 1].end,
        },
        { catalogue, interview },
      ),
    ),
  );
}

/** Writes the records as a Pagefind index in `dir`, stemmed for `language`. */
async function writeIndex(records: SearchRecord[], language: string, dir: string): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index) throw new Error(errors.join('; '));
    for (const entry of records) {
      const added = await index.addCustomRecord({ ...entry, language });
      if (added.errors.length) throw new Error(added.errors.join('; '));
    }
    const written = await index.writeFiles({ outputPath: dir });
    if (written.errors.length) throw new Error(written.errors.join('; '));
  } catch (error) {
    throw new CliError(msg('index.failed', { reason: reason(error) }));
  } finally {
    await pagefind.close();
  }
}
