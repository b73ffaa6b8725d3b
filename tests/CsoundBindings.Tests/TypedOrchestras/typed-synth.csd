<CsoundSynthesizer>
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

; Overall level, multiplied into every Tone.
chn_k "gain", 1, 2, 1, 0, 1
; The frequency of the last Tone, as the orchestra saw it.
chn_k "last_freq", 2

; A sine at a level and a pitch.
instr Tone
  iamp = p4
  ifreq = p5
  kgain chnget "gain"
  chnset ifreq, "last_freq"
  out oscili(iamp * kgain, ifreq)
endin

; A held sine with defaults for both p-fields.
instr 2, Hold
  pset 0, 0, 0, 0.2, 220
  iamp = p4
  ifreq = p5
  out oscili(iamp, ifreq)
endin
</CsInstruments>
<CsScore>
f 0 3600
</CsScore>
</CsoundSynthesizer>
