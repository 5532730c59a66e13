/**
 * The command's own words in Dutch and English, filled in as the elements' are (`fill`).
 * The validator's warnings stay as the validator writes them (English), so that one source of
 * truth says the same thing in the browser console and in a terminal.
 */
import { fill } from '../i18n/i18n.js';

/** The command speaks Dutch or English. */
type Lang = 'nl' | 'en';

const nl = {
  'help.main': `kijkom: een archief in Kijkom krijgen en geldig houden.

Gebruik:
  kijkom validate <bestand-of-url> [--strict] [--json] [--check-links]
  kijkom import ohms <bestand.xml>… [--out catalogus.json] [--media <map>] [--lang nl]
  kijkom import csv <bestand.csv> [--into catalogus.json] [--media <map>] [--out …] [--theme <id>]
  kijkom media <opname> <uitvoermap> [--id <id>] [--title <titel>] [--base <map>]
  kijkom embed <catalogus> --base <url van embed.html> --out <map>
  kijkom index <catalogus> --out <map>

Elk commando heeft --help; kijkom --version geeft de versie. Taal van de meldingen: LC_ALL, LC_MESSAGES of LANG (nl… is Nederlands).`,
  'help.validate': `kijkom validate <bestand-of-url>

Controleert een catalogus (kijkom-catalogue/1) met dezelfde regels als de elementen en meldt elk
probleem met zijn plaats in het document (zoals fragments[3].start).

  --strict        waarschuwingen tellen als fouten (exitcode 1)
  --json          uitvoer als JSON, voor andere programma's
  --check-links   controleer of video, audio, ondertitels, transcripten, posters en portretten
                  bestaan: een HEAD-verzoek voor http(s), het bestand naast een lokale catalogus;
                  een lokale .m3u8 wordt ook gelezen, met de bestanden die hij noemt

Exitcodes: 0 bruikbaar (eventueel met waarschuwingen), 1 onbruikbaar, kapotte links of --strict
met waarschuwingen, 2 verkeerd aangeroepen.`,
  'help.import': `kijkom import ohms|csv …

  kijkom import ohms <bestand.xml>… [--out catalogus.json] [--media <map>] [--lang nl]
    OHMS-exports (Oral History Metadata Synchronizer) naar een catalogus: per bestand een gesprek,
    een persoon per geïnterviewde, indexpunten als fragmenten en hoofdstukken, een thema met die
    fragmenten, en het transcript met zijn synchronisatiepunten als WebVTT naast de catalogus.
    Het id van een gesprek is de bestandsnaam zonder .xml. Met --media <map> worden video, audio,
    poster en ondertitels gelezen uit <map>/<id>/kijkom-media.json (gemaakt door kijkom media).
    Onbekende of kapotte onderdelen worden overgeslagen met een melding die het element noemt.

  kijkom import csv <bestand.csv> [--into catalogus.json] [--media <map>] [--out …] [--theme <id>] [--title <titel>]
    Een spreadsheet met fragmenten: kolommen interview (of gesprek), title (titel), start (begin),
    end (eind); id en description (beschrijving) mogen. Komma of puntkomma, aanhalingstekens en
    BOM zoals Excel ze schrijft. --into voegt de fragmenten toe aan een bestaande catalogus;
    gesprekken die daar niet in staan komen uit --media <map>/<id>/kijkom-media.json (gemaakt door
    kijkom media). --theme zet de fragmenten in die volgorde in een thema.

Zonder --out gaat de catalogus naar de standaarduitvoer (en worden transcripten niet geschreven).
Een bestand dat al bestaat en anders is (met de hand gemaakt of verbeterd) wordt niet
overschreven, behalve met --force; de catalogus van --into mag --out zijn. Wat geschreven wordt,
wordt heel geschreven of niet: een volle schijf laat het oude bestand staan.`,
  'help.media': `kijkom media <opname> <uitvoermap> [--id <id>] [--title <titel>] [--base <map>]
                [--segment <seconden>] [--heights 720,360]

Maakt met ffmpeg (die van het systeem, anders het npm-pakket @ffmpeg-installer/ffmpeg):
  video.m3u8     HLS in fMP4, een ladder van hoogtes, keyframes op elk segmentbegin
  audio.m3u8     alleen geluid (voor de podcastweergave)
  poster.jpg     een beeld uit de opname
  captions.vtt   een leeg WebVTT-bestand om ondertitels in te zetten
  kijkom-media.json  het gesprek voor de catalogus
en drukt het gesprek af als JSON. URL's zijn relatief aan --base (de map van de catalogus;
standaard de huidige map).`,
  'error.usage': '{message}\nZie: kijkom {command} --help',
  'error.unknownCommand': 'onbekend commando “{command}”',
  'error.missingArgument': 'er ontbreekt een argument: {what}',
  'error.unknownOption': 'onbekende optie “{option}”',
  'args.validate': '<bestand-of-url>',
  'args.ohms': '<bestand.xml>',
  'args.csv': '<bestand.csv>',
  'args.media': '<opname> <uitvoermap>',
  'args.embed': '<catalogus>',
  'embed.needsUrl': '{option} <http(s)-url> ontbreekt of is geen http(s)-URL',
  'embed.needsOut': '--out <map> ontbreekt',
  'embed.unusable': '{file}: {message}',
  'embed.otherOrigin':
    'let op: {page} toont deze catalogus ({catalogue}) alleen als de pagina zijn adres noemt in <meta name="kijkom-embed-catalogues">',
  'embed.noThumbnail': 'poster {poster}: grootte niet te lezen ({reason}); geen thumbnail in de oEmbed ervan',
  'embed.done': '{count} oEmbed-bestanden geschreven in {dir}; zet die map online op {url}',
  'help.embed': `kijkom embed <catalogus> --base <url van embed.html> --out <map> [--catalogue-url <url>] [--out-url <url>]

Schrijft per fragment en per gesprek een oEmbed-bestand (type video, met de embedpagina in een
iframe, titel, spreker, archief en poster) en drukt per stuk de <link> af die de pagina die het
toont in zijn <head> zet. Een CMS dat oEmbed kent maakt van een geplakte link naar die pagina de speler.

  --base <url>            waar de gebouwde embed.html (naast kijkom.js) online staat
  --out <map>             waar de bestanden komen (fragment-<id>.json, interview-<id>.json)
  --out-url <url>         waar die map online staat (standaard oembed/ naast embed.html)
  --catalogue-url <url>   het online adres van een lokale catalogus (een URL is zijn eigen adres)

Bestanden van een vorige keer worden overschreven: ze zijn gemaakt, niet met de hand geschreven.`,
  'args.index': '<catalogus>',
  'index.needsOut': '--out <map> ontbreekt',
  'index.unusable': '{file}: {message}',
  'index.noTranscript':
    'transcript van {interview} ({url}) niet te lezen: {reason}; het gesprek staat zonder zijn woorden in de index',
  'index.done': 'zoekindex van {records} items ({cues} zinnen uit transcripten) geschreven in {dir}',
  'index.failed': 'Pagefind kon de index niet maken: {reason}',
  'help.index': `kijkom index <catalogus> --out <map>

Schrijft een statische zoekindex (Pagefind) van het archief: elke zin van elk transcript (met
spreker, gesprek, begin en het einde van de beurt), elk fragment, thema, persoon en hoofdstuk, met
stamvormen voor de taal van de catalogus. Zet de map online naast de catalogus; <archive-search
index="…"> leest hem.

  --out <map>   waar de index komt (pagefind.js en zijn delen)`,
  'error.optionNeedsValue': 'optie {option} heeft een waarde nodig',
  'error.optionTakesNoValue': 'optie {option} neemt geen waarde',
  'error.read': 'kan {file} niet lezen: {reason}',
  'error.fetch': 'kan {url} niet ophalen: {reason}',
  'error.http': '{url} antwoordde met HTTP {status}',
  'error.json': '{file} is geen geldig JSON-bestand: {reason}',
  'error.write': 'kan {file} niet schrijven: {reason}',
  'error.exists': '{file} bestaat al en is anders dan wat de import maakt; niets geschreven (--force overschrijft het)',
  'validate.fatal': '{file}: onbruikbaar: {message}',
  'validate.ok': '{file}: geldig, {people} personen, {interviews} gesprekken, {fragments} fragmenten, {themes} thema’s',
  'validate.usable':
    '{file}: bruikbaar, {people} personen, {interviews} gesprekken, {fragments} fragmenten, {themes} thema’s',
  'validate.warnings': '{file}: {count} waarschuwing(en):',
  'validate.strict': '--strict: waarschuwingen tellen als fouten',
  'validate.tooLarge':
    '{size} MB: groter dan de elementen laden ({limit} MB); configureLoader({ maxBytes }) verhoogt dat, of verdeel het archief over catalogi',
  'links.checking': '{count} links controleren…',
  'links.ok': 'alle {count} links werken',
  'links.broken': '{count} van {total} links werken niet:',
  'links.missing': 'bestand ontbreekt',
  'links.noCues': 'WebVTT zonder één ondertitel (geen cues): de speler toont er geen knop voor',
  'links.notPlaylist': 'geen HLS-playlist (begint niet met #EXTM3U)',
  'links.playlistMissing': 'noemt {uri}, dat ontbreekt',
  'import.notice': '{file}: {element}: {message}',
  'import.wrote': '{file} geschreven',
  'import.summary': '{interviews} gesprek(ken), {fragments} fragmenten, {notices} melding(en)',
  'ohms.notXml': 'geen geldige XML ({reason}); bestand overgeslagen',
  'ohms.noRecord': 'geen <record>; bestand overgeslagen',
  'ohms.unknown': 'onbekend element; overgeslagen',
  'ohms.noTime': 'geen bruikbare <time> ({value}); indexpunt overgeslagen',
  'ohms.noTitle': 'geen <title>; indexpunt overgeslagen',
  'ohms.badSync': 'onleesbaar synchronisatiepunt “{value}”; overgeslagen',
  'ohms.noSync': 'geen bruikbare <sync>: het transcript krijgt geen tijden en wordt niet gebruikt',
  'ohms.badDuration': '“{value}” is geen duur; overgeslagen',
  'ohms.badDate': '“{value}” is geen datum; overgeslagen',
  'ohms.noMedia': 'geen video of audio: gebruik --media <map> of zet <media_url> in de export',
  'ohms.mediaMissing': '{problem}; media uit <media_url> gebruikt als die er is',
  'media.entryMissing': '{file} ontbreekt',
  'media.captionsUnwritten':
    '{file} heeft nog geen ondertitels (cues) en blijft buiten de catalogus; zet het, als het geschreven is, bij de captions van het gesprek',
  'media.entryOutside': 'het id “{id}” wijst buiten de map van --media',
  'ohms.extraInterviewee': 'meer dan één geïnterviewde: “{name}” is niet gekoppeld (één persoon per gesprek)',
  'ohms.duplicate': 'id “{id}” komt al voor; bestand overgeslagen',
  'ohms.nothing': 'geen enkel gesprek gelezen; geen catalogus geschreven',
  'ohms.unreadable': 'kan het bestand niet lezen ({reason}); overgeslagen',
  'ohms.doctype': 'een DOCTYPE (met entiteiten) wordt niet gelezen; bestand overgeslagen',
  'ohms.transcriptNeedsOut': 'transcript niet geschreven: het hoort naast de catalogus, geef die met --out',
  'ohms.transcriptKept': '{file} bestaat al en is anders (met de hand verbeterd?): behouden (--force overschrijft het)',
  'csv.noHeader': 'geen kopregel met de kolommen interview, title en start gevonden',
  'csv.line': 'regel {line}',
  'csv.legacy': 'geen UTF-8: gelezen als Windows-1252 (wat Excel als “CSV” bewaart)',
  'csv.row': '{message}; overgeslagen',
  'csv.missing': 'kolom {column} is leeg',
  'csv.badTime': '{column} “{value}” {reason}',
  'csv.endBeforeStart': 'eind “{end}” ligt niet na begin “{start}”',
  'csv.unknownInterview': 'gesprek “{id}” staat niet in de catalogus',
  'csv.nothing': 'geen enkele rij bruikbaar; geen catalogus geschreven',
  'csv.noInterviews':
    'het blad noemt gesprekken ({ids}) maar er is geen catalogus om ze in te vinden: geef --media <map> (mappen van kijkom media) of --into catalogus.json',
  'csv.mediaMissing': 'gesprek “{id}” staat niet in de catalogus en {problem}',
  'media.noInput': 'de opname {file} bestaat niet of is niet leesbaar',
  'media.noFfmpeg':
    'ffmpeg niet gevonden: installeer ffmpeg (zodat het op PATH staat) of het npm-pakket @ffmpeg-installer/ffmpeg',
  'media.probeFailed': 'ffmpeg kan {file} niet lezen: {reason}',
  'media.noStreams': '{file} heeft geen beeld en geen geluid',
  'media.failed': 'ffmpeg faalde bij {what}: {reason}',
  'media.step.ladder': 'de HLS-ladder',
  'media.step.poster': 'de poster',
  'media.progress': 'coderen',
  'media.done': 'klaar: {dir}',
};

type Key = keyof typeof nl;

const en: Record<Key, string> = {
  'help.main': `kijkom: get an archive into Kijkom and keep it valid.

Usage:
  kijkom validate <file-or-url> [--strict] [--json] [--check-links]
  kijkom import ohms <file.xml>… [--out catalogue.json] [--media <dir>] [--lang en]
  kijkom import csv <file.csv> [--into catalogue.json] [--media <dir>] [--out …] [--theme <id>]
  kijkom media <recording> <out-dir> [--id <id>] [--title <title>] [--base <dir>]
  kijkom embed <catalogue> --base <url of embed.html> --out <dir>
  kijkom index <catalogue> --out <dir>

Every command has --help; kijkom --version prints the version. Message language: LC_ALL, LC_MESSAGES or LANG (nl… is Dutch).`,
  'help.validate': `kijkom validate <file-or-url>

Checks a catalogue (kijkom-catalogue/1) with the same rules as the elements and reports every
problem with its place in the document (such as fragments[3].start).

  --strict        warnings count as errors (exit code 1)
  --json          output as JSON, for other programs
  --check-links   check that video, audio, captions, transcripts, posters and portraits exist:
                  a HEAD request for http(s), the file beside a local catalogue; a local .m3u8
                  is read too, with the files it names

Exit codes: 0 usable (maybe with warnings), 1 unusable, broken links, or --strict with
warnings, 2 wrong usage.`,
  'help.import': `kijkom import ohms|csv …

  kijkom import ohms <file.xml>… [--out catalogue.json] [--media <dir>] [--lang en]
    OHMS (Oral History Metadata Synchronizer) exports to a catalogue: an interview per file, a
    person per interviewee, index points as fragments and chapters, a theme holding those
    fragments, and the transcript with its sync points as WebVTT beside the catalogue.
    An interview's id is its file name without .xml. With --media <dir>, video, audio, poster and
    captions are read from <dir>/<id>/kijkom-media.json (made by kijkom media).
    Unknown or broken parts are skipped with a notice naming the element.

  kijkom import csv <file.csv> [--into catalogue.json] [--media <dir>] [--out …] [--theme <id>] [--title <title>]
    A spreadsheet of fragments: columns interview (or gesprek), title (titel), start (begin),
    end (eind); id and description (beschrijving) are optional. Comma or semicolon, quotes and
    BOM as Excel writes them. --into adds the fragments to an existing catalogue; interviews it
    lacks come from --media <dir>/<id>/kijkom-media.json (made by kijkom media). --theme puts
    the fragments, in that order, in a theme.

Without --out the catalogue goes to standard output (and transcripts are not written).
A file that exists and differs (made or corrected by hand) is not overwritten except with
--force; --out may be the --into catalogue. What is written is written whole or not at all: a
full disk leaves the old file as it was.`,
  'help.media': `kijkom media <recording> <out-dir> [--id <id>] [--title <title>] [--base <dir>]
                [--segment <seconds>] [--heights 720,360]

Makes with ffmpeg (the system's, else the npm package @ffmpeg-installer/ffmpeg):
  video.m3u8     HLS in fMP4, a ladder of heights, keyframes at every segment start
  audio.m3u8     sound only (for the podcast view)
  poster.jpg     a frame from the recording
  captions.vtt   an empty WebVTT file to write captions into
  kijkom-media.json  the interview for the catalogue
and prints the interview as JSON. URLs are relative to --base (the catalogue's folder;
the current folder by default).`,
  'error.usage': '{message}\nSee: kijkom {command} --help',
  'error.unknownCommand': 'unknown command “{command}”',
  'error.missingArgument': 'an argument is missing: {what}',
  'error.unknownOption': 'unknown option “{option}”',
  'args.validate': '<file-or-url>',
  'args.ohms': '<file.xml>',
  'args.csv': '<file.csv>',
  'args.media': '<recording> <out-dir>',
  'args.embed': '<catalogue>',
  'embed.needsUrl': '{option} <http(s) URL> is missing or no http(s) URL',
  'embed.needsOut': '--out <dir> is missing',
  'embed.unusable': '{file}: {message}',
  'embed.otherOrigin':
    'note: {page} shows this catalogue ({catalogue}) only where the page names its address in <meta name="kijkom-embed-catalogues">',
  'embed.noThumbnail': 'poster {poster}: its size cannot be read ({reason}); no thumbnail in its oEmbed',
  'embed.done': '{count} oEmbed files written to {dir}; serve that folder at {url}',
  'help.embed': `kijkom embed <catalogue> --base <url of embed.html> --out <dir> [--catalogue-url <url>] [--out-url <url>]

Writes an oEmbed file per fragment and per interview (type video, the embed page in an iframe,
title, speaker, archive and poster) and prints, one a line, the <link> that the page showing it
puts in its <head>. A CMS that does oEmbed turns a pasted link to that page into the player.

  --base <url>            where the built embed.html (beside kijkom.js) is served
  --out <dir>             where the files go (fragment-<id>.json, interview-<id>.json)
  --out-url <url>         where that folder is served (default: oembed/ beside embed.html)
  --catalogue-url <url>   the public address of a local catalogue (a URL is its own)

Files of an earlier run are overwritten: they are made, not written by hand.`,
  'args.index': '<catalogue>',
  'index.needsOut': '--out <dir> is missing',
  'index.unusable': '{file}: {message}',
  'index.noTranscript':
    'transcript of {interview} ({url}) cannot be read: {reason}; the interview is indexed without its words',
  'index.done': 'search index of {records} items ({cues} transcript cues) written to {dir}',
  'index.failed': 'Pagefind could not make the index: {reason}',
  'help.index': `kijkom index <catalogue> --out <dir>

Writes a static search index (Pagefind) of the archive: every cue of every transcript (with its
speaker, interview, start and its turn's end), every fragment, theme, person and chapter, stemmed
for the catalogue's language. Serve the folder beside the catalogue; <archive-search index="…">
reads it.

  --out <dir>   where the index goes (pagefind.js and its parts)`,
  'error.optionNeedsValue': 'option {option} needs a value',
  'error.optionTakesNoValue': 'option {option} takes no value',
  'error.read': 'cannot read {file}: {reason}',
  'error.fetch': 'cannot fetch {url}: {reason}',
  'error.http': '{url} answered HTTP {status}',
  'error.json': '{file} is not valid JSON: {reason}',
  'error.write': 'cannot write {file}: {reason}',
  'error.exists': '{file} exists and differs from what the import makes; nothing written (--force overwrites it)',
  'validate.fatal': '{file}: unusable: {message}',
  'validate.ok': '{file}: valid, {people} people, {interviews} interviews, {fragments} fragments, {themes} themes',
  'validate.usable': '{file}: usable, {people} people, {interviews} interviews, {fragments} fragments, {themes} themes',
  'validate.warnings': '{file}: {count} warning(s):',
  'validate.strict': '--strict: warnings count as errors',
  'validate.tooLarge':
    '{size} MB: larger than the elements load ({limit} MB); configureLoader({ maxBytes }) raises that, or split the archive into catalogues',
  'links.checking': 'checking {count} links…',
  'links.ok': 'all {count} links work',
  'links.broken': '{count} of {total} links do not work:',
  'links.missing': 'file missing',
  'links.noCues': 'WebVTT without a single cue: the player shows no button for it',
  'links.notPlaylist': 'not an HLS playlist (does not start with #EXTM3U)',
  'links.playlistMissing': 'names {uri}, which is missing',
  'import.notice': '{file}: {element}: {message}',
  'import.wrote': 'wrote {file}',
  'import.summary': '{interviews} interview(s), {fragments} fragments, {notices} notice(s)',
  'ohms.notXml': 'not well-formed XML ({reason}); file skipped',
  'ohms.noRecord': 'no <record>; file skipped',
  'ohms.unknown': 'unknown element; skipped',
  'ohms.noTime': 'no usable <time> ({value}); index point skipped',
  'ohms.noTitle': 'no <title>; index point skipped',
  'ohms.badSync': 'unreadable sync point “{value}”; skipped',
  'ohms.noSync': 'no usable <sync>: the transcript has no times and is not used',
  'ohms.badDuration': '“{value}” is not a duration; skipped',
  'ohms.badDate': '“{value}” is not a date; skipped',
  'ohms.noMedia': 'no video or audio: use --media <dir> or fill <media_url> in the export',
  'ohms.mediaMissing': '{problem}; using <media_url> if there is one',
  'media.entryMissing': '{file} is missing',
  'media.captionsUnwritten':
    '{file} has no cues yet and stays out of the catalogue; once written, add it to the interview’s captions',
  'media.entryOutside': 'the id “{id}” points outside the --media folder',
  'ohms.extraInterviewee': 'more than one interviewee: “{name}” is not linked (one person per interview)',
  'ohms.duplicate': 'id “{id}” is used before; file skipped',
  'ohms.nothing': 'no interview could be read; no catalogue written',
  'ohms.unreadable': 'cannot read the file ({reason}); skipped',
  'ohms.doctype': 'a DOCTYPE (with entities) is not read; file skipped',
  'ohms.transcriptNeedsOut': 'transcript not written: it belongs beside the catalogue, name that with --out',
  'ohms.transcriptKept': '{file} exists and differs (corrected by hand?): kept (--force overwrites it)',
  'csv.noHeader': 'no header row with the columns interview, title and start',
  'csv.line': 'line {line}',
  'csv.legacy': 'not UTF-8: read as Windows-1252 (what Excel saves as “CSV”)',
  'csv.row': '{message}; skipped',
  'csv.missing': 'column {column} is empty',
  'csv.badTime': '{column} “{value}” {reason}',
  'csv.endBeforeStart': 'end “{end}” is not after start “{start}”',
  'csv.unknownInterview': 'interview “{id}” is not in the catalogue',
  'csv.nothing': 'no row could be used; no catalogue written',
  'csv.noInterviews':
    'the sheet names interviews ({ids}) but there is no catalogue to find them in: give --media <dir> (folders made by kijkom media) or --into catalogue.json',
  'csv.mediaMissing': 'interview “{id}” is not in the catalogue and {problem}',
  'media.noInput': 'the recording {file} does not exist or cannot be read',
  'media.noFfmpeg':
    'ffmpeg not found: install ffmpeg (so that it is on PATH) or the npm package @ffmpeg-installer/ffmpeg',
  'media.probeFailed': 'ffmpeg cannot read {file}: {reason}',
  'media.noStreams': '{file} has neither picture nor sound',
  'media.failed': 'ffmpeg failed making {what}: {reason}',
  'media.step.ladder': 'the HLS ladder',
  'media.step.poster': 'the poster',
  'media.progress': 'encoding',
  'media.done': 'done: {dir}',
};

export type MessageKey = Key;

/** Dutch for an `nl*` locale in LC_ALL, else LC_MESSAGES, else LANG (POSIX order); English otherwise. */
export function cliLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^nl([_.@-]|$)/i.test(locale) ? 'nl' : 'en';
}

const tables: Record<Lang, Record<Key, string>> = { nl, en };

/** The message for `key` in the language the environment asks for. */
export const msg = (key: Key, vars: Record<string, string | number> = {}): string => fill(tables[cliLang()][key], vars);

/** An error whose message is for the user as it stands: printed without a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
