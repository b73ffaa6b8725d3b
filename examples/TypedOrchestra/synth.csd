<CsoundSynthesizer>
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

; Master level, multiplied into every voice.
chn_k "volume", 1, 2, 0.8, 0, 1
; Low-pass cutoff of every voice, in Hz.
chn_k "cutoff", 1, 3, 4000, 100, 12000
; The loudness of the output (RMS), for a meter.
chn_k "meter", 2

; A sawtooth voice through a low-pass filter, with a short attack and release.
instr Voice
  iamp = p4        ; peak level (0 to 1)
  ifreq = p5       ; pitch in Hz
  kvol chnget "volume"
  kcut chnget "cutoff"
  aenv linsegr 0, 0.01, 1, 0.05, 0
  asig vco2 iamp * kvol, ifreq
  asig butterlp asig * aenv, kcut
  kmeter rms asig
  chnset kmeter, "meter"
  out asig
endin

; A quiet sine under the melody; both p-fields have defaults.
instr Pad
  pset 0, 0, 0, 0.05, 110
  iamp = p4
  ifreq = p5
  out oscili(iamp, ifreq)
endin
</CsInstruments>
<CsScore>
</CsScore>
</CsoundSynthesizer>
