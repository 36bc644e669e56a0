import { Camera, CameraOff, RotateCcw, X } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './camera.css';

/** A photo as the core takes it: a JPEG in base64 (the core checks type and size again before storing it). */
export interface CapturedPhoto {
  mime: 'image/jpeg';
  base64: string;
}

/** Well under the core's limit (512 KiB): a frame is shrunk and compressed until it fits. */
const MAX_BYTES = 400 * 1024;
const MAX_EDGE = 1280;

type State =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'live' }
  | { kind: 'taken'; photo: CapturedPhoto; url: string }
  | { kind: 'none'; why: 'unsupported' | 'denied' | 'missing' }
  | { kind: 'left-out' };

const base64Bytes = (text: string) => Math.floor((text.length * 3) / 4);

/** The frame on screen as a JPEG no larger than MAX_BYTES: smaller and more compressed until it fits. */
function frameAsJpeg(video: HTMLVideoElement): CapturedPhoto | null {
  const canvas = document.createElement('canvas');
  let scale = Math.min(1, MAX_EDGE / Math.max(video.videoWidth, video.videoHeight, 1));
  for (let attempt = 0; attempt < 8; attempt++) {
    canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
    canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const quality = Math.max(0.4, 0.85 - attempt * 0.1);
    const base64 = canvas.toDataURL('image/jpeg', quality).split(',')[1] ?? '';
    if (base64.length > 0 && base64Bytes(base64) <= MAX_BYTES) return { mime: 'image/jpeg', base64 };
    scale *= 0.75;
  }
  return null;
}

/**
 * The station's camera: a live preview, one large capture button, retake, or leave the photo out. With no camera
 * (none attached, access refused, no browser support) it says so and the work goes on without a photo.
 * `onChange` gets the photo once taken, null while there is none (or it was left out).
 */
export function CameraCapture(props: {
  onChange: (photo: CapturedPhoto | null) => void;
  testId?: string;
  /** Open the camera at once (a form opened for the photo); otherwise it waits for a tap, so the camera is not on for nothing. */
  autoStart?: boolean;
}) {
  const { t } = useTranslation();
  const testId = props.testId ?? 'camera';
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const autoStart = props.autoStart ?? false;
  const [state, setState] = useState<State>({ kind: autoStart ? 'starting' : 'idle' });
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;

  const stop = useCallback(() => {
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
  }, []);

  const start = useCallback(async () => {
    setState({ kind: 'starting' });
    if (!navigator.mediaDevices?.getUserMedia) {
      setState({ kind: 'none', why: 'unsupported' });
      return;
    }
    try {
      const media = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false });
      stream.current = media;
      if (video.current) {
        video.current.srcObject = media;
        await video.current.play().catch(() => undefined);
      }
      setState({ kind: 'live' });
    } catch (error) {
      const name = error instanceof DOMException ? error.name : '';
      setState({ kind: 'none', why: name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'missing' });
    }
  }, []);

  useEffect(() => {
    if (autoStart) void start();
    return stop;
  }, [autoStart, start, stop]);

  useEffect(() => {
    if (state.kind === 'taken') return () => URL.revokeObjectURL(state.url);
    return undefined;
  }, [state]);

  const capture = () => {
    if (!video.current) return;
    const photo = frameAsJpeg(video.current);
    if (!photo) {
      setState({ kind: 'none', why: 'missing' });
      return;
    }
    const bytes = Uint8Array.from(atob(photo.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: photo.mime }));
    stop();
    setState({ kind: 'taken', photo, url });
    onChange.current(photo);
  };

  const retake = () => {
    onChange.current(null);
    void start();
  };

  const leaveOut = () => {
    stop();
    onChange.current(null);
    setState({ kind: 'left-out' });
  };

  return (
    <section className="camera" data-testid={testId} data-state={state.kind} aria-label={t('camera.title')}>
      <h3 className="camera__title">{t('camera.title')}</h3>
      {state.kind === 'none' && (
        <p className="camera__none" role="status" data-testid={`${testId}-none`}>
          <CameraOff aria-hidden size={28} />
          {t(`camera.none.${state.why}`)}
        </p>
      )}
      {state.kind === 'left-out' && (
        <p className="camera__none" role="status">
          {t('camera.leftOut')}
        </p>
      )}
      <video
        ref={video}
        className="camera__preview"
        hidden={state.kind !== 'live' && state.kind !== 'starting'}
        muted
        playsInline
        aria-label={t('camera.preview')}
      />
      {state.kind === 'taken' && (
        <img className="camera__preview" src={state.url} alt={t('camera.taken')} data-testid={`${testId}-photo`} />
      )}
      <div className="camera__actions">
        {state.kind === 'idle' && (
          <button type="button" onClick={() => void start()} data-testid={`${testId}-start`}>
            <Camera aria-hidden size={24} />
            {t('camera.start')}
          </button>
        )}
        {state.kind === 'live' && (
          <button type="button" className="primary camera__capture" onClick={capture} data-testid={`${testId}-capture`}>
            <Camera aria-hidden size={28} />
            {t('camera.capture')}
          </button>
        )}
        {(state.kind === 'taken' || state.kind === 'left-out' || state.kind === 'none') && (
          <button type="button" onClick={retake} data-testid={`${testId}-retake`}>
            <RotateCcw aria-hidden size={24} />
            {state.kind === 'taken' ? t('camera.retake') : t('camera.tryAgain')}
          </button>
        )}
        {(state.kind === 'live' || state.kind === 'taken' || state.kind === 'starting') && (
          <button type="button" onClick={leaveOut} data-testid={`${testId}-leave-out`}>
            <X aria-hidden size={24} />
            {t('camera.leaveOut')}
          </button>
        )}
      </div>
    </section>
  );
}
