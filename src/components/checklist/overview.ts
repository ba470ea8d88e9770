// The overview's two tools load as one file: they share nearly all their code.
import './plan-form';
import './upgrade-progress';
