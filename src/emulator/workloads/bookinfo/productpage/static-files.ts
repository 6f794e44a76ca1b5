// productpage's `/static` tree, reduced to the files its page links.

const TAILWIND_CSS = `*,::before,::after{box-sizing:border-box}body{margin:0;font-family:ui-sans-serif,system-ui,sans-serif}
.container{max-width:1280px}.mx-auto{margin-left:auto;margin-right:auto}.font-bold{font-weight:700}.text-center{text-align:center}
.text-4xl{font-size:2.25rem}.text-2xl{font-size:1.5rem}.text-white{color:#fff}.text-red-500{color:#ef4444}.text-black-500{color:#000}
.bg-gray-800{background-color:#1f2937}.flex{display:flex}.grid{display:grid}.grid-cols-2{grid-template-columns:repeat(2,minmax(0,1fr))}
.w-5{width:1.25rem}.h-5{height:1.25rem}.fill-current{fill:currentColor}.stroke-current{stroke:currentColor}
`

// 1×1 transparent PNG.
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')

export const STATIC_FILES: ReadonlyMap<string, { contentType: string; body: Buffer }> = new Map([
  ['/static/tailwind/tailwind.css', { contentType: 'text/css; charset=utf-8', body: Buffer.from(TAILWIND_CSS) }],
  ['/static/img/izzy.png', { contentType: 'image/png', body: PIXEL_PNG }],
])
