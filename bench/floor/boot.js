import init from './floor.js';

init({ module_or_path: new URL('./floor_bg.wasm', import.meta.url) });
