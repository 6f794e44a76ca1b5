// A typo in a pod kill's selector kills nothing: in strict mode (chaosTest's default) the test fails, naming the
// selector and the labels that exist, instead of passing as "steady".
import { fault, k8s, steadyState } from 'vitest-chaos'
import { chaosTest, expect } from 'vitest-chaos/vitest'

const bookinfoIsHealthy = steadyState('bookinfo is healthy', [k8s.allPodsHealthy({ ns: 'bookinfo', activityName: 'all-bookinfo-pods-healthy' })])
const killRatingz = fault('kill a ratingz pod (a typo)', { actions: [k8s.terminatePods({ ns: 'bookinfo', labelSelector: 'app=ratingz' })] })

chaosTest('a strict-mode pod kill that matches no pod fails the test and names the selector', async () => {
  const failure = expect(bookinfoIsHealthy).toStaySteadyDuring(killRatingz)
  await expect(failure).rejects.toThrow(/terminate_pods: no pod in namespace 'bookinfo' matches label_selector 'app=ratingz'/)
  await expect(failure).rejects.toThrow(/app=ratings/)
})
