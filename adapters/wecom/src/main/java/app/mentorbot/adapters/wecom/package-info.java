/**
 * WeCom (企业微信), one platform in two ways. The self-built app: {@code AppChannel} answers the callback URL
 * (signatures and AES by {@link app.mentorbot.adapters.wecom.WeComCrypto}, the XML by {@code FlatXml}) and sends
 * with {@code message/send}. The smart robot's long connection: {@code AiBotChannel} keeps it (lease, reconnects,
 * sending), {@code AiBotLink} is one WebSocket, {@code AiBotFrames} the frames. Public API:
 * {@link app.mentorbot.adapters.wecom.WeComAdapter} with its configs, {@link app.mentorbot.adapters.wecom.ConnectionGate}
 * and {@link app.mentorbot.adapters.wecom.CallbackResponse}; the rest is package-private.
 */
package app.mentorbot.adapters.wecom;
