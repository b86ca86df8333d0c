#!/usr/bin/env python3
"""Re-encodes an RGBA PNG icon as an 8-bit palette PNG with per-entry alpha (PLTE + tRNS).

    python3 scripts/icon_palette.py SRC.png DST.png SIZE

Flat icons have a few hundred colours, nearly all anti-aliasing blends; k-means (12 rounds, in
premultiplied RGBA, weighted by pixel count, seeded with the 256 most frequent colours) keeps the
soft edges that ImageMagick's PNG8 (1-bit alpha) loses. Prints the PSNR (premultiplied RGBA):
the icons in www/icons/ are >= 74 dB. Needs ImageMagick's `convert` to decode SRC; standard
library otherwise. A developer tool, not part of the build.
"""
import sys,subprocess,zlib,struct,collections,math
src,dst,size=sys.argv[1],sys.argv[2],int(sys.argv[3])
raw=subprocess.run(['convert',src,'-depth','8','rgba:-'],capture_output=True,check=True).stdout
px=[raw[i:i+4] for i in range(0,len(raw),4)]
cnt=collections.Counter(px)
def pm(c):  # premultiplied coords
    a=c[3]/255; return (c[0]*a,c[1]*a,c[2]*a,c[3])
cols=list(cnt)
cent=[pm(c) for c,_ in cnt.most_common(256)]
P=[pm(c) for c in cols]
def d(p,q): return sum((x-y)**2 for x,y in zip(p,q))
for it in range(12):
    assign=[min(range(len(cent)),key=lambda k:d(p,cent[k])) for p in P]
    acc=[[0,0,0,0,0] for _ in cent]
    for c,p,k in zip(cols,P,assign):
        w=cnt[c]; a=acc[k]
        for j in range(4): a[j]+=p[j]*w
        a[4]+=w
    cent=[tuple(a[j]/a[4] for j in range(4)) if a[4] else cent[k] for k,a in enumerate(acc)]
def unpm(p):
    a=p[3]
    if a<0.5: return (0,0,0,0)
    f=255/a; return tuple(min(255,max(0,round(v*f))) for v in p[:3])+(min(255,round(a)),)
pal=[unpm(p) for p in cent]
# order: entries with alpha<255 first (tRNS short)
order=sorted(range(len(pal)),key=lambda k:pal[k][3]==255)
pal=[pal[k] for k in order]; remap={k:i for i,k in enumerate(order)}
idx={c:remap[a] for c,a in zip(cols,assign)}
# error
se=0
for c,n in cnt.items():
    q=pal[idx[c]]; se+=n*sum((pm(c)[j]-pm(q)[j])**2 for j in range(4))/4
mse=se/len(px); print('PSNR %.1f dB'%(10*math.log10(255**2/mse)) if mse else 'lossless', 'palette',len(pal))
rows=b''.join(b'\0'+bytes(idx[px[y*size+x]] for x in range(size)) for y in range(size))
def chunk(t,b): return struct.pack('>I',len(b))+t+b+struct.pack('>I',zlib.crc32(t+b)&0xffffffff)
ntr=sum(1 for p in pal if p[3]<255)
png=b'\x89PNG\r\n\x1a\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',size,size,8,3,0,0,0))+chunk(b'PLTE',b''.join(bytes(p[:3]) for p in pal))+(chunk(b'tRNS',bytes(p[3] for p in pal[:ntr])) if ntr else b'')+chunk(b'IDAT',zlib.compress(rows,9))+chunk(b'IEND',b'')
open(dst,'wb').write(png); print(dst,len(png))
