// The portal page's one stylesheet (served as /portal/app.css: the CSP allows no inline style).
export const PORTAL_STYLE = `
:root { font-family: system-ui, sans-serif; color: #1b1f24; background: #f4f6f8; }
body { margin: 0; }
header { display: flex; align-items: center; justify-content: space-between; padding: 0.75rem 1.5rem; background: #0b4f8a; color: #fff; }
header h1 { font-size: 1.25rem; margin: 0; }
header a { color: #fff; }
.training { margin: 0; padding: 0.5rem 1.5rem; background: #fff3cd; border-bottom: 1px solid #e0c36a; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
section { background: #fff; border: 1px solid #d5dbe1; border-radius: 6px; padding: 1rem 1.5rem; }
.grid { display: grid; grid-template-columns: minmax(10rem, 16rem) minmax(0, 1fr); gap: 0.5rem 1rem; align-items: center; }
.wide, .grid > fieldset, .grid > button { grid-column: 1 / -1; }
.grid > button { justify-self: start; }
fieldset { border: 1px solid #d5dbe1; border-radius: 4px; }
input, select, button { font: inherit; padding: 0.35rem 0.5rem; box-sizing: border-box; max-width: 100%; min-width: 0; }
.grid > input, .grid > select { width: 100%; }
fieldset { min-width: 0; }
.error:empty, [role="status"]:empty { display: none; }
button { background: #0b4f8a; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
button:disabled { opacity: 0.6; }
button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
.error { color: #a4161a; font-weight: 600; }
.hint { color: #4a5560; font-size: 0.9rem; margin: 0; }
.who { display: flex; justify-content: space-between; align-items: center; }
.request { border-top: 1px solid #d5dbe1; padding: 0.75rem 0; }
.request h3 { margin: 0 0 0.25rem; font-size: 1rem; }
.request ul { margin: 0.25rem 0; padding-left: 1.25rem; }
.state { display: inline-block; padding: 0 0.5rem; border-radius: 3px; background: #e3ecf5; }
`;
