import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReaderSession, ReaderStatus } from './session';
import { t } from '../../platform/i18n';
import { ReaderMentions } from './ReaderMentions';

function problemText(p: Extract<ReaderStatus, { kind: 'problem' }>['problem']): string {
  switch (p.kind) {
    case 'not-pdf':
      return t('readerProblemNotPdf');
    case 'encrypted':
      return t('readerProblemEncrypted');
    case 'damaged':
      return t('readerProblemDamaged');
    case 'too-large':
      return t('readerProblemTooLarge', p.detail ?? '');
    case 'no-text':
      return t('readerProblemNoText');
    case 'remote-denied':
      return t('readerRemoteDenied');
    case 'remote-failed':
      return t('readerRemoteFailed', p.detail);
    case 'load-failed':
      return t('readerLoadFailed', p.detail);
  }
}

/** The reader's frame: toolbar, messages, the pages (drawn by the session) and the mentions by page. */
export function ReaderApp({ session }: { session: ReaderSession }) {
  const [view, setView] = useState(session.view);
  const pagesRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  useEffect(() => session.subscribe(() => setView(session.view)), [session]);
  useEffect(() => {
    if (pagesRef.current) session.attach(pagesRef.current);
  }, [session]);
  useEffect(() => {
    const onScroll = () => session.syncPage();
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, [session]);

  const s = view.status;
  const open = s.kind === 'open';
  const pick = (files: FileList | null | undefined) => {
    const f = files?.[0];
    if (f) void session.openFile(f);
  };

  return (
    <div
      class={`rl-reader${dragging ? ' rl-reader--drop' : ''}`}
      onDragOver={(e) => {
        if (e.dataTransfer?.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        pick(e.dataTransfer?.files);
      }}
    >
      <div class="rl-reader__bar" role="toolbar" aria-label={t('readerTitle')}>
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t('readerOpenFile')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="application/pdf,.pdf"
          hidden
          data-testid="reader-file"
          onChange={(e) => pick((e.target as HTMLInputElement).files)}
        />
        {open && (
          <>
            <span class="rl-reader__group">
              <button type="button" aria-label={t('readerPrevPage')} onClick={() => session.goToPage(view.page - 1)}>
                ‹
              </button>
              <input
                class="rl-reader__page"
                type="number"
                min={1}
                max={s.pages}
                value={view.page}
                aria-label={t('readerPageNumber')}
                onChange={(e) => session.goToPage(Number((e.target as HTMLInputElement).value))}
              />
              <span class="rl-muted">{t('readerPageOf', s.pages)}</span>
              <button type="button" aria-label={t('readerNextPage')} onClick={() => session.goToPage(view.page + 1)}>
                ›
              </button>
            </span>
            <span class="rl-reader__group">
              <button type="button" aria-label={t('readerZoomOut')} onClick={() => session.zoomBy(-1)}>
                −
              </button>
              <output aria-label={t('readerZoom')}>{Math.round(view.zoom * 100)}%</output>
              <button type="button" aria-label={t('readerZoomIn')} onClick={() => session.zoomBy(1)}>
                +
              </button>
            </span>
            <span class="rl-reader__group">
              <input
                type="search"
                class="rl-reader__find"
                aria-label={t('readerFind')}
                placeholder={t('readerFind')}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    const q = (e.target as HTMLInputElement).value;
                    if (q !== view.find.query) session.find(q);
                    else session.findStep(e.shiftKey ? -1 : 1);
                  }
                }}
              />
              <button type="button" aria-label={t('readerFindPrev')} onClick={() => session.findStep(-1)}>
                ↑
              </button>
              <button type="button" aria-label={t('readerFindNext')} onClick={() => session.findStep(1)}>
                ↓
              </button>
              <span class="rl-muted" role="status">
                {view.find.query ? (view.find.hits ? t('readerFindCount', [view.find.current, view.find.hits]) : t('readerFindNone')) : ''}
              </span>
            </span>
            <button type="button" onClick={() => void session.browseMentions()}>
              {t('readerBrowse')}
            </button>
            <span class="rl-muted rl-reader__progress" role="status">
              {s.read < s.pages ? t('readerProgress', [s.read, s.pages]) : s.name}
            </span>
          </>
        )}
      </div>
      {s.kind === 'empty' && <p class="rl-reader__note">{t('readerDropHint')}</p>}
      {s.kind === 'opening' && (
        <p class="rl-reader__note" role="status">
          {t('readerOpening', s.name)}
        </p>
      )}
      {s.kind === 'problem' && (
        <p class="rl-reader__note rl-reader__problem" role="alert">
          {problemText(s.problem)}
        </p>
      )}
      {s.kind === 'remote' && (
        <div class="rl-reader__note">
          <p>{t('readerRemoteHint', s.origin)}</p>
          <button type="button" class="rl-reader__fetch" onClick={() => void session.fetchRemote()}>
            {t('readerRemote', new URL(s.origin).host)}
          </button>
        </div>
      )}
      <div class="rl-reader__body">
        <main class="rl-reader__pages" ref={pagesRef} aria-label={t('readerDocument')} />
        {open && <ReaderMentions session={session} version={view.mentionsVersion} pages={s.pages} current={view.page} />}
      </div>
    </div>
  );
}
