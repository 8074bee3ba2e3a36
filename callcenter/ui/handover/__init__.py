"""The 交接班 tab: the shift lead's handover record, the incoming lead's confirmation, history."""
