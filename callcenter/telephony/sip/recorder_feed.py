"""What a call's recorder hears: the customer's voice and the agent's microphone,
mixed, at level 1, or at level 0 during a secure pause (the customer is giving an
ID number): the file keeps time with the call but holds silence, so the replay's
gap stays where the events put it.

pjmedia's conference bridge keeps a connection's level when the same connection is
made again, so a level change makes the connection anew (the bridge may miss one
20 ms frame in between).
"""

from __future__ import annotations

from typing import Any

from callcenter.telephony.sip.endpoint import pj

RECORDED_STATES = (pj.PJSUA_CALL_MEDIA_ACTIVE, pj.PJSUA_CALL_MEDIA_LOCAL_HOLD,
                   pj.PJSUA_CALL_MEDIA_REMOTE_HOLD)


def call_audio(call: Any) -> list[Any]:
    """The call's audio media that carry sound to record (active or on hold)."""
    info = call.getInfo()
    return [call.getAudioMedia(i) for i, m in enumerate(info.media)
            if m.type == pj.PJMEDIA_TYPE_AUDIO and m.status in RECORDED_STATES]


def feed(recorder: Any, sources: list[Any], *, paused: bool) -> None:
    """Connect each source to ``recorder`` at the level a (non-)paused call has."""
    param = pj.AudioMediaTransmitParam()
    param.level = 0.0 if paused else 1.0
    for source in sources:
        try:
            source.stopTransmit(recorder)
        except pj.Error:  # not connected yet: nothing to remake
            pass
        source.startTransmit2(recorder, param)
