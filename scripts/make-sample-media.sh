#!/usr/bin/env bash
# Regenerates the sample site's media (sample data, not the original photos).
# Not part of the build: the files it writes are committed. Needs Debian's ffmpeg and DejaVu fonts.
set -euo pipefail
cd "$(dirname "$0")/../site/media"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
label() { # text, size → drawtext filter
  printf "drawtext=fontfile=%s:text='%s':fontcolor=white:fontsize=%s:x=(w-text_w)/2:y=(h-text_h)/2:box=1:boxcolor=black@0.45:boxborderw=12" "$font" "$1" "$2"
}
photo() { # name, colour A, colour B, caption, width, height
  ffmpeg -loglevel error -y -f lavfi -i "gradients=s=$5x$6:c0=$2:c1=$3:x0=0:y0=0:x1=$5:y1=$6:nb_colors=2,$(label "$4" $(( $6 / 14 )))" \
    -frames:v 1 -q:v 6 "$1.jpg"
}
photo 20122-1 0x1d4e89 0x6fa8dc "Ảnh mẫu · Sample photo 1" 960 640
photo 20122-2 0x7a2e1f 0xe0a96d "Ảnh mẫu · Sample photo 2" 960 640
photo 20122-3 0x1e5631 0xa4de02 "Ảnh mẫu · Sample photo 3" 960 640
for id in 20104 20110 20115 20118 20121 20125; do
  photo "$id" 0x2b2d42 0x8d99ae "Ảnh mẫu $id" 960 640
  photo "$id-thumb" 0x2b2d42 0x8d99ae "$id" 240 160
done
cp 20122-1.jpg 20122-thumb-src.jpg
ffmpeg -loglevel error -y -i 20122-1.jpg -vf scale=240:160 -q:v 6 20122-thumb.jpg && rm 20122-thumb-src.jpg
# A 10-second clip with a tone, in WebM (VP9/Opus) and MP4 (H.264/AAC), and its poster.
clip="testsrc2=s=640x360:r=25:d=10,$(label 'Video mẫu · Sample video' 30)"
ffmpeg -loglevel error -y -f lavfi -i "$clip" -f lavfi -i "sine=frequency=440:duration=10" \
  -c:v libvpx-vp9 -b:v 250k -c:a libopus -b:a 48k 20122.webm
ffmpeg -loglevel error -y -f lavfi -i "$clip" -f lavfi -i "sine=frequency=440:duration=10" \
  -c:v libx264 -profile:v baseline -pix_fmt yuv420p -b:v 250k -c:a aac -b:a 48k -movflags +faststart 20122.mp4
ffmpeg -loglevel error -y -ss 1 -i 20122.mp4 -frames:v 1 -q:v 5 20122-poster.jpg
