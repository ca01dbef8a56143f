"""tmux `capture-pane -e` output (ANSI SGR colours) -> Pango markup, for `convert pango:` to make
the README's screenshot from a real run (see lab/screenshot/take.sh)."""
import html
import re
import sys

PALETTE = ['#1e1e1e', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#d0d0d0']
BRIGHT = ['#5c6370', '#ff7b86', '#b5e890', '#ffd68a', '#8cc8ff', '#e0a0ff', '#7fdde8', '#ffffff']
FG, BG = '#d0d0d0', '#1e1e1e'


def render(text):
    out, state = [], {'fg': None, 'bold': False, 'dim': False, 'inverse': False, 'underline': False}
    for part in re.split(r'(\x1b\[[0-9;]*m)', text):
        match = re.fullmatch(r'\x1b\[([0-9;]*)m', part)
        if match:
            codes = [int(c) for c in match.group(1).split(';') if c] or [0]
            for code in codes:
                if code == 0:
                    state = {'fg': None, 'bold': False, 'dim': False, 'inverse': False, 'underline': False}
                elif code == 1: state['bold'] = True
                elif code == 2: state['dim'] = True
                elif code == 4: state['underline'] = True
                elif code == 7: state['inverse'] = True
                elif code == 22: state['bold'] = state['dim'] = False
                elif code == 27: state['inverse'] = False
                elif code == 39: state['fg'] = None
                elif 30 <= code <= 37: state['fg'] = PALETTE[code - 30]
                elif 90 <= code <= 97: state['fg'] = BRIGHT[code - 90]
            continue
        if not part:
            continue
        fg = state['fg'] or ('#7f848e' if state['dim'] else FG)
        bg = BG
        if state['inverse']:
            fg, bg = BG, (state['fg'] or FG)
        attrs = f'foreground="{fg}" background="{bg}"'
        if state['bold']: attrs += ' weight="bold"'
        if state['underline']: attrs += ' underline="single"'
        out.append(f'<span {attrs}>{html.escape(part)}</span>')
    return ''.join(out)


print(f'<span font_family="DejaVu Sans Mono" size="11264">{render(sys.stdin.read())}</span>')
