<CsoundSynthesizer>
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 48000
ksmps = 32
nchnls = 1
0dbfs = 1

; Master level of every voice.
chn_k "volume", 1, 2, 0.5, 0, 1
chn_k "cutoff", 1, 3, 2000, 20, 20000  ; low-pass cutoff in Hz
chn_S "title", 3
chn_a "send", 2

; A sine voice with a low-pass filter.
instr Voice
  iamp = p4   ; peak level
  ifreq = p5  ; pitch in Hz
  kvol chnget "volume"
  kcut chnget "cutoff"
  asig oscili iamp * kvol, ifreq
  asig tone asig, kcut
  chnset rms(asig), "level"
  chnmix asig, "send"
  out asig
endin

instr 2, Drone
  pset 0, 0, 0, 0.1, 110
  idb = ampdbfs(p4)
  ipitch = p5
  out oscili(idb, ipitch)
endin
</CsInstruments>
<CsScore>
f 0 3600
</CsScore>
</CsoundSynthesizer>
