import { useNavigate } from 'react-router-dom';
import { useSignOut } from '../../api/session';

/** Signs out (here or everywhere) and opens the sign-in page, which forgets the cached data. */
export function useSignOutAndLeave() {
  const signOut = useSignOut();
  const navigate = useNavigate();
  const run = async (everywhere: boolean): Promise<number> => {
    const ended = await signOut.mutateAsync(everywhere);
    navigate('/login', { replace: true, state: { signedOut: true } });
    return ended;
  };
  return { run, pending: signOut.isPending, error: signOut.error };
}
