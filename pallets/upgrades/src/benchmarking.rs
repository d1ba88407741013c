//! Benchmarks of pallet-upgrades (frame-benchmarking v2).

use super::*;
use crate::Pallet as Upgrades;
use frame_benchmarking::v2::*;
use frame_support::traits::StorePreimage;

/// Notes distinct code for `i` and returns its hash.
fn noted<T: Config>(i: u32) -> T::Hash
where
	T::Preimages: StorePreimage,
{
	let mut code = b"benchmark code ".to_vec();
	code.extend(i.to_le_bytes());
	<T::Preimages as StorePreimage>::note(code.into()).expect("small preimage")
}

/// Fills `PendingUpgrades` with `p` upgrades, after the block `first` (so `first` stays free).
fn fill<T: Config>(p: u32, first: BlockNumberFor<T>)
where
	T::Preimages: StorePreimage,
{
	let origin = T::UpgradeOrigin::try_successful_origin().expect("benchmarks need an origin");
	for i in 0..p {
		let at = first.saturating_add((i + 1).into());
		Upgrades::<T>::schedule_upgrade(
			origin.clone(),
			noted::<T>(i),
			at,
			1,
			NodeVersion::default(),
		)
		.expect("room for p upgrades");
	}
}

#[benchmarks(where T::Preimages: StorePreimage)]
mod benchmarks {
	use super::*;

	/// Scheduling ahead of `p` pending upgrades (the costliest insertion position).
	#[benchmark]
	fn schedule_upgrade(p: Linear<0, { T::MaxPending::get() - 1 }>) -> Result<(), BenchmarkError> {
		// The harness sets block 1 only after the setup: start from there explicitly.
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		let first = T::MinActivationDelay::get().saturating_add(1u32.into());
		fill::<T>(p, first);
		let hash = noted::<T>(u32::MAX);
		let origin =
			T::UpgradeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, hash, first, 2, NodeVersion::default());

		assert_eq!(PendingUpgrades::<T>::get().len() as u32, p + 1);
		Ok(())
	}

	/// Cancelling the first of `p` pending upgrades.
	#[benchmark]
	fn cancel_upgrade(p: Linear<1, { T::MaxPending::get() }>) -> Result<(), BenchmarkError> {
		// The harness sets block 1 only after the setup: start from there explicitly.
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		let first = T::MinActivationDelay::get().saturating_add(1u32.into());
		fill::<T>(p, first);
		let at = first.saturating_add(1u32.into());
		let origin =
			T::CancelOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, at);

		assert_eq!(PendingUpgrades::<T>::get().len() as u32, p - 1);
		Ok(())
	}

	impl_benchmark_test_suite!(Upgrades, crate::mock::new_test_ext(), crate::mock::Test);
}
