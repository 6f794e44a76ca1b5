import { PRODUCTS } from './product.js'
import { escapeHtml } from './escape-html.js'
import type { DownstreamResult } from './call-downstream.js'

interface Review {
  reviewer?: string
  text?: string
  rating?: { stars?: number; color?: string; error?: string }
}

interface Reviews {
  podname?: string
  clustername?: string
  reviews?: Review[]
  error?: string
}

const STAR = '<svg id="glyphicon glyphicon-star" class="w-5 h-5 fill-current" viewBox="0 0 20 20"><path d="M10 15l-5.9 3 1.1-6.5L.5 7 7 6 10 0l3 6 6.5 1-4.7 4.5 1 6.6z"/></svg>'
const EMPTY_STAR = '<svg id="glyphicon glyphicon-star-empty" class="w-5 h-5 fill-none stroke-current" viewBox="0 0 20 20"><path d="M10 15l-5.9 3 1.1-6.5L.5 7 7 6 10 0l3 6 6.5 1-4.7 4.5 1 6.6z"/></svg>'

const renderUser = (user: string | undefined) =>
  user !== undefined
    ? `<p class="text-white">${escapeHtml(user)} <a href="logout" class="text-white underline">Sign out</a></p>`
    : `<button type="button" onclick="document.getElementById('login-modal').showModal()">Sign in</button>
<dialog id="login-modal"><form method="post" action="login" name="login_form">
<input type="text" name="username" placeholder="User Name"><input type="password" name="passwd" placeholder="Password">
<button type="submit">Sign in</button></form></dialog>`

const renderDetails = ({ status, json }: DownstreamResult) => {
  const details = json as Record<string, unknown>
  if (status !== 200) return `<h4 class="text-2xl font-bold">Error fetching product details</h4>\n<p>${escapeHtml(details.error)}</p>`
  const row = (label: string, key: string) => `<dt class="font-bold">${label}:</dt><dd>${escapeHtml(details[key])}</dd>`
  return `<h4 class="text-2xl font-bold">Book Details</h4>
<dl>${row('Type', 'type')}${row('Pages', 'pages')}${row('Publisher', 'publisher')}${row('Language', 'language')}${row('ISBN-10', 'ISBN-10')}${row('ISBN-13', 'ISBN-13')}</dl>`
}

const renderRating = (rating: Review['rating']) => {
  if (!rating) return ''
  if (rating.stars) {
    const stars = Math.max(0, Math.min(5, rating.stars))
    return `<div class="flex text-${escapeHtml(rating.color)}-500">${STAR.repeat(stars)}${EMPTY_STAR.repeat(5 - stars)}</div>`
  }
  return rating.error ? `<p class="text-red-500">${escapeHtml(rating.error)}</p>` : ''
}

const renderReviews = ({ status, json }: DownstreamResult) => {
  const reviews = json as Reviews
  if (status !== 200) return `<h4 class="text-2xl font-bold">Error fetching product reviews</h4>\n<p>${escapeHtml(reviews.error)}</p>`
  const items = (reviews.reviews ?? []).map(
    (review) => `<blockquote class="border-l-4 pl-4 my-4">
<p>${escapeHtml(review.text)}</p>
<small>${escapeHtml(review.reviewer)}</small>
${renderRating(review.rating)}
</blockquote>`,
  )
  const cluster = reviews.clustername && reviews.clustername !== 'null' ? ` on cluster <u>${escapeHtml(reviews.clustername)}</u>` : ''
  return `<h4 class="text-2xl font-bold">Book Reviews</h4>
${items.join('\n')}
<dl><dt>Reviews served by:</dt><u>${escapeHtml(reviews.podname)}</u>${cluster}</dl>`
}

/** `productpage.html` of the 1.20 images: HTTP 200 always, failures only in the text. */
export const renderProductPage = (details: DownstreamResult, reviews: DownstreamResult, user: string | undefined): string => {
  const product = PRODUCTS[0]
  return `<!DOCTYPE html>
<html>
<head>
<title>Simple Bookstore App</title>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="static/tailwind/tailwind.css">
</head>
<body>
<nav class="bg-gray-800 flex justify-between p-4"><a href="#" class="text-white">BookInfo Sample</a>
${renderUser(user)}
</nav>
<main class="container mx-auto">
<h1 class="text-4xl font-bold text-center">${escapeHtml(product.title)}</h1>
<p>${product.descriptionHtml}</p>
<div class="grid grid-cols-2 gap-8">
<section>
${renderDetails(details)}
</section>
<section>
${renderReviews(reviews)}
</section>
</div>
</main>
</body>
</html>
`
}
