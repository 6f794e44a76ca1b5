const SERVICES = [
  ['productpage', 'productpage', 'reviews, details'],
  ['reviews', 'reviews', 'ratings'],
  ['ratings', 'ratings', ''],
  ['details', 'details', ''],
]

/** productpage's `/` (`index.html`): the service table and the two sample links. */
export const renderIndex = (): string => `<!DOCTYPE html>
<html>
<head><title>Simple Bookstore App</title><meta charset="utf-8"><link rel="stylesheet" href="static/tailwind/tailwind.css"></head>
<body>
<main class="container mx-auto">
<h3>Hello! This is a simple bookstore application consisting of three services as shown below</h3>
<table border="1"><tr><th>name</th><th>endpoint</th><th>children</th></tr>
${SERVICES.map(([name, endpoint, children]) => `<tr><td>${name}</td><td>${endpoint}</td><td>${children}</td></tr>`).join('\n')}
</table>
<p><h4>Click on one of the links below to auto generate a request to the backend as a real user or a tester</h4></p>
<p><a href="/productpage?u=normal">Normal user</a></p>
<p><a href="/productpage?u=test">Test user</a></p>
</main>
</body>
</html>
`
