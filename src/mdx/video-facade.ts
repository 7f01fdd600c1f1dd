/**
 * Click-to-load for embedded players, and chapter seeking. Nothing here runs
 * a request by itself: the iframe is created only from a learner's click.
 */
function withStart(embed: string, seconds: number, provider: string): string {
  if (!seconds) return embed;
  return provider === 'vimeo' ? `${embed.split('#')[0]}#t=${seconds}s` : `${embed}&start=${seconds}`;
}

function loadPlayer(figure: HTMLElement, seconds: number): void {
  const provider = figure.dataset.video!;
  const frame = figure.querySelector<HTMLElement>('.video-frame')!;
  const iframe = document.createElement('iframe');
  iframe.src = withStart(figure.dataset.embed!, seconds, provider);
  iframe.title = figure.dataset.title ?? '';
  iframe.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
  iframe.allowFullscreen = true;
  iframe.referrerPolicy = 'strict-origin-when-cross-origin';
  frame.replaceChildren(iframe);
  iframe.focus();
}

export function setUpVideos(root: ParentNode): void {
  for (const figure of root.querySelectorAll<HTMLElement>('figure[data-video]')) {
    if (figure.dataset.ready) continue;
    figure.dataset.ready = 'true';
    const start = Number(figure.dataset.start ?? 0);
    const video = figure.querySelector('video');
    if (video && start) video.addEventListener('loadedmetadata', () => (video.currentTime = start), { once: true });
    figure.querySelector('[data-video-play]')?.addEventListener('click', () => loadPlayer(figure, start));
    for (const button of figure.querySelectorAll<HTMLElement>('[data-seek]')) {
      button.addEventListener('click', () => {
        const seconds = Number(button.dataset.seek);
        if (video) {
          video.currentTime = seconds;
          void video.play().catch(() => {});
          video.focus();
        } else {
          loadPlayer(figure, seconds);
        }
      });
    }
  }
}
