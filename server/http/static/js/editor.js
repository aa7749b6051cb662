// The program editor: a textarea with a gutter of line numbers and a marker
// on the line about to run.

const LINE_HEIGHT = 18;  // px, as style.css sets for .editor

export class Editor {
  // `root` holds a .gutter element, a .current-line element and a textarea.
  constructor(root) {
    this.root = root;
    this.textarea = root.querySelector('textarea');
    this.gutter = root.querySelector('.gutter');
    this.marker = root.querySelector('.current-line');
    this.line = 0;
    this.textarea.addEventListener('input', () => this.renumber());
    this.textarea.addEventListener('scroll', () => this.sync());
    this.textarea.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab') return;
      event.preventDefault();
      this.textarea.setRangeText('    ', this.textarea.selectionStart,
                                 this.textarea.selectionEnd, 'end');
      this.renumber();
    });
    this.renumber();
  }

  get value() { return this.textarea.value; }
  set value(text) {
    this.textarea.value = text;
    this.renumber();
  }

  renumber() {
    const lines = this.textarea.value.split('\n').length;
    if (this.gutter.childElementCount !== lines) {
      this.gutter.textContent = '';
      for (let i = 1; i <= lines; i++) {
        const number = document.createElement('div');
        number.textContent = String(i);
        this.gutter.appendChild(number);
      }
    }
    this.mark(this.line);
  }

  // Marks `line` (1-based; 0 clears the marker).
  mark(line) {
    this.line = line;
    for (const current of this.gutter.querySelectorAll('.current')) current.classList.remove('current');
    if (line > 0 && this.gutter.children[line - 1]) {
      this.gutter.children[line - 1].classList.add('current');
    }
    this.marker.hidden = line <= 0;
    this.marker.dataset.line = String(line);
    this.sync();
  }

  sync() {
    this.gutter.scrollTop = this.textarea.scrollTop;
    this.marker.style.top = `${6 + (this.line - 1) * LINE_HEIGHT - this.textarea.scrollTop}px`;
  }
}
