//! Benchmarks of pallet-upgrades (frame-benchmarking v2).

use super::*;
use crate::Pallet as Upgrades;
use frame_benchmarking::v2::*;
use frame_support::traits::StorePreimage;
use frame_system::RawOrigin;

/// Notes distinct code for `i` and returns its hash.
fn noted<T: Config>(i: u32) -> T::Hash
where
	T::Preimages: StorePreimage,
{
	let mut code = b"benchmark code ".to_vec();
	code.extend(i.to_le_bytes());
	<T::Preimages as StorePreimage>::note(code.into()).expect("small preimage")
}

/// Schedules `code_hash` at `at` with no readiness requirement.
fn schedule<T: Config>(code_hash: T::Hash, at: BlockNumberFor<T>, spec_version: u32) {
	let origin = T::UpgradeOrigin::try_successful_origin().expect("benchmarks need an origin");
	Upgrades::<T>::schedule_upgrade(
		origin,
		code_hash,
		at,
		spec_version,
		NodeVersion::default(),
		Perbill::zero(),
		at,
	)
	.expect("room for the upgrade");
}

/// Fills `PendingUpgrades` with `p` upgrades, after the block `first` (so `first` stays free).
fn fill<T: Config>(p: u32, first: BlockNumberFor<T>)
where
	T::Preimages: StorePreimage,
{
	for i in 0..p {
		schedule::<T>(noted::<T>(i), first.saturating_add((i + 1).into()), 1);
	}
}

/// Block 1 (the harness sets it only after the setup) and the first block an upgrade may use.
fn start<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::set_block_number(1u32.into());
	MinActivationDelay::<T>::get().saturating_add(2u32.into())
}

/// `n` authorities with keys in the keystore, made the current set, each having signalled
/// `version` when `signalled`.
fn authorities<T: Config>(n: u32, version: NodeVersion, signalled: bool) -> Vec<T::AuthorityId> {
	let keys: Vec<_> = (0..n).map(|_| T::AuthorityId::generate_pair(None)).collect();
	T::BenchmarkHelper::set_authorities(keys.clone());
	if signalled {
		for key in &keys {
			SignalOf::<T>::insert(key, version);
		}
	}
	keys
}

#[benchmarks(where T::Preimages: StorePreimage)]
mod benchmarks {
	use super::*;

	/// Scheduling ahead of `p` pending upgrades (the costliest insertion position).
	#[benchmark]
	fn schedule_upgrade(p: Linear<0, { T::MaxPending::get() - 1 }>) -> Result<(), BenchmarkError> {
		let first = start::<T>();
		fill::<T>(p, first);
		let hash = noted::<T>(u32::MAX);
		let origin =
			T::UpgradeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			hash,
			first,
			2,
			NodeVersion::default(),
			Perbill::one(),
			first.saturating_add(10u32.into()),
		);

		assert_eq!(PendingUpgrades::<T>::get().len() as u32, p + 1);
		Ok(())
	}

	/// Cancelling the first of `p` pending upgrades.
	#[benchmark]
	fn cancel_upgrade(p: Linear<1, { T::MaxPending::get() }>) -> Result<(), BenchmarkError> {
		let first = start::<T>();
		fill::<T>(p, first);
		let at = first.saturating_add(1u32.into());
		let origin =
			T::CancelOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, at);

		assert_eq!(PendingUpgrades::<T>::get().len() as u32, p - 1);
		Ok(())
	}

	/// A readiness signal of the last of `MaxAuthorities` authorities, replacing an older one.
	#[benchmark]
	fn signal_readiness() -> Result<(), BenchmarkError> {
		start::<T>();
		let keys = authorities::<T>(T::MaxAuthorities::get(), NodeVersion::new(1, 0, 0), true);
		let authority = keys.last().cloned().ok_or(BenchmarkError::Weightless)?;
		let version = NodeVersion::new(1, 1, 0);
		let signature = authority
			.sign(&Upgrades::<T>::signal_payload(&authority, version))
			.ok_or(BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(RawOrigin::None, authority.clone(), version, signature);

		assert_eq!(SignalOf::<T>::get(&authority), Some(version));
		Ok(())
	}

	#[benchmark]
	fn set_min_activation_delay() -> Result<(), BenchmarkError> {
		let origin =
			T::UpgradeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 100u32.into());

		assert_eq!(MinActivationDelay::<T>::get(), 100u32.into());
		Ok(())
	}

	/// A block with `MaxPending` upgrades pending and none due.
	#[benchmark]
	fn on_initialize_idle() -> Result<(), BenchmarkError> {
		let first = start::<T>();
		fill::<T>(T::MaxPending::get(), first);

		#[block]
		{
			Upgrades::<T>::do_process(1u32.into());
		}

		assert_eq!(PendingUpgrades::<T>::get().len() as u32, T::MaxPending::get());
		Ok(())
	}

	/// Counting the readiness of `a` authorities, all of which signalled.
	#[benchmark]
	fn check_readiness(a: Linear<1, { T::MaxAuthorities::get() }>) -> Result<(), BenchmarkError> {
		start::<T>();
		let version = NodeVersion::new(1, 0, 0);
		authorities::<T>(a, version, true);
		let ready;

		#[block]
		{
			let current = T::Authorities::get();
			ready = Upgrades::<T>::readiness(&current, version, Perbill::one()).1;
		}

		assert!(ready);
		Ok(())
	}

	/// Loading, checking and installing runtime code of `c` bytes, with a full history.
	#[benchmark]
	fn activate(
		c: Linear<1_000, { <T::Preimages as StorePreimage>::MAX_LENGTH as u32 }>,
	) -> Result<(), BenchmarkError> {
		let first = start::<T>();
		let mut version = <T as frame_system::Config>::Version::get();
		let full = (0..T::MaxActivated::get()).map(|i| ActivatedUpgrade {
			code_hash: T::Hash::default(),
			spec_version: i,
			min_node_version: NodeVersion::default(),
			activated_at: i.into(),
		});
		ActivatedUpgrades::<T>::put(BoundedVec::truncate_from(full.collect()));
		version.spec_version = version.spec_version.saturating_add(1);
		let code = crate::code::runtime_blob(&version, c);
		let hash = <T::Preimages as StorePreimage>::note(code.into())
			.map_err(|_| BenchmarkError::Weightless)?;
		schedule::<T>(hash, first, version.spec_version);
		let upgrade =
			PendingUpgrades::<T>::get().first().cloned().ok_or(BenchmarkError::Weightless)?;
		frame_system::Pallet::<T>::reset_events();

		#[block]
		{
			Upgrades::<T>::do_activate(&upgrade);
		}

		frame_system::Pallet::<T>::assert_last_event(
			Event::<T>::UpgradeActivated {
				code_hash: hash,
				spec_version: version.spec_version,
				min_node_version: NodeVersion::default(),
			}
			.into(),
		);
		let history = ActivatedUpgrades::<T>::get();
		assert_eq!(history.len() as u32, T::MaxActivated::get());
		assert_eq!(history.last().map(|u| u.code_hash), Some(hash));
		Ok(())
	}

	impl_benchmark_test_suite!(Upgrades, crate::mock::new_test_ext(), crate::mock::Test);
}
