/**
 * The parent-frame side of the Azure DevOps SDK's XDM protocol (azure-devops-extension-sdk/esm/XDM.js):
 * JSON strings over postMessage. A call is {id, instanceId, methodName, params, handshakeToken?}; its reply
 * is {id, result | error, handshakeToken} and must echo the caller's handshakeToken, which is how the SDK
 * recognises its parent before it has pinned the parent's origin.
 */

type RemoteMethod = (...args: unknown[]) => unknown;
/** Objects this host exposes to the frame, by XDM instance id (e.g. "DevOps.HostControl"). */
export type HostObjects = Readonly<Record<string, Readonly<Record<string, RemoteMethod>>>>;

interface XdmMessage {
  id: number;
  instanceId?: string;
  methodName?: string;
  params?: unknown;
  result?: unknown;
  error?: unknown;
  handshakeToken?: string;
}

function parseMessage(data: unknown): XdmMessage | undefined {
  if (typeof data !== 'string') {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'object' && parsed !== null && 'id' in parsed && typeof parsed.id === 'number') {
      return parsed as XdmMessage;
    }
  } catch {
    // Some other script's message; not ours.
  }
  return undefined;
}

function serializeError(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}

export class XdmHost {
  private nextMessageId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (e: unknown) => void }
  >();
  private readonly frame: HTMLIFrameElement;
  private readonly frameOrigin: string;
  private readonly objects: HostObjects;

  constructor(frame: HTMLIFrameElement, frameOrigin: string, objects: HostObjects) {
    this.frame = frame;
    this.frameOrigin = frameOrigin;
    this.objects = objects;
    window.addEventListener('message', this.onMessage);
  }

  dispose(): void {
    window.removeEventListener('message', this.onMessage);
    for (const { reject } of this.pending.values()) {
      reject(new Error('The preview host closed the channel.'));
    }
    this.pending.clear();
  }

  /** Calls an object the frame registered, e.g. ("DevOps.SdkClient", "dispatchEvent", [name, args]). */
  invoke(instanceId: string, methodName: string, params: unknown[]): Promise<unknown> {
    const id = this.nextMessageId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ id, instanceId, methodName, params });
    });
  }

  private post(message: XdmMessage): void {
    this.frame.contentWindow?.postMessage(JSON.stringify(message), this.frameOrigin);
  }

  private readonly onMessage = (event: MessageEvent): void => {
    if (event.source !== this.frame.contentWindow || event.origin !== this.frameOrigin) {
      return;
    }
    const message = parseMessage(event.data);
    if (!message) {
      return;
    }
    if (message.instanceId === undefined) {
      this.settle(message);
    } else {
      void this.answer(message, message.instanceId);
    }
  };

  private settle(reply: XdmMessage): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) {
      return;
    }
    this.pending.delete(reply.id);
    if (reply.error === undefined) {
      waiting.resolve(reply.result);
    } else {
      waiting.reject(reply.error);
    }
  }

  private async answer(call: XdmMessage, instanceId: string): Promise<void> {
    const reply = { id: call.id, handshakeToken: call.handshakeToken };
    const method = this.objects[instanceId]?.[call.methodName ?? ''];
    if (!method) {
      this.post({
        ...reply,
        error: serializeError(
          new Error(`Not supported by the Seika preview host: ${instanceId}.${call.methodName ?? ''}`),
        ),
      });
      return;
    }
    try {
      const args = Array.isArray(call.params) ? (call.params as unknown[]) : [];
      const result = await method(...args);
      this.post({ ...reply, result });
    } catch (error) {
      this.post({ ...reply, error: serializeError(error) });
    }
  }
}
